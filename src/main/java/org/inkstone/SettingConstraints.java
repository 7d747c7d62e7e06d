package org.inkstone;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.PatternSyntaxException;

/**
 * Jakarta Bean Validation constraints of Inkstone's settings that the standard ones
 * ({@code @Min}, {@code @DecimalMax}, …) cannot express, with their validators.
 */
public final class SettingConstraints {

    private SettingConstraints() {
    }

    /**
     * A whole number that is either 0 (the feature is off) or within {@code [min, max]}.
     */
    @Documented
    @Constraint(validatedBy = ZeroOrRangeValidator.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ZeroOrRange {
        /** @return the smallest value other than 0 */
        long min();

        /** @return the largest value */
        long max();

        /** @return the violation message (Jakarta Validation's attribute) */
        String message() default "must be 0 or from {min} to {max}";

        /** @return validation groups (Jakarta Validation's attribute) */
        Class<?>[] groups() default {};

        /** @return payload (Jakarta Validation's attribute) */
        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link ZeroOrRange} on {@code int}, {@code long} and their boxes (null is valid). */
    public static final class ZeroOrRangeValidator implements ConstraintValidator<ZeroOrRange, Number> {
        private long min;
        private long max;

        /** Creates the validator (instantiated by the validation provider). */
        public ZeroOrRangeValidator() {
        }

        /** @param constraint the annotation with its bounds */
        @Override
        public void initialize(ZeroOrRange constraint) {
            min = constraint.min();
            max = constraint.max();
        }

        /**
         * @param value   the setting's value, may be null
         * @param context unused
         * @return whether the value is null, 0 or within the bounds
         */
        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            long v = value.longValue();
            return v == 0 || (v >= min && v <= max);
        }
    }

    /**
     * A regular expression in {@link java.util.regex.Pattern} syntax; null or blank is valid
     * (the setting is unused).
     */
    @Documented
    @Constraint(validatedBy = RegularExpressionValidator.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface RegularExpression {
        /** @return the violation message, also the description of what is allowed */
        String message() default "a regular expression in java.util.regex syntax";

        /** @return validation groups (Jakarta Validation's attribute) */
        Class<?>[] groups() default {};

        /** @return payload (Jakarta Validation's attribute) */
        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link RegularExpression} by compiling the value with {@link java.util.regex.Pattern}. */
    public static final class RegularExpressionValidator implements ConstraintValidator<RegularExpression, String> {

        /** Creates the validator (instantiated by the validation provider). */
        public RegularExpressionValidator() {
        }

        /**
         * @param value   the setting's value, may be null
         * @param context unused
         * @return whether the value is null, blank or compiles
         */
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                java.util.regex.Pattern.compile(value);
                return true;
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
    }
}

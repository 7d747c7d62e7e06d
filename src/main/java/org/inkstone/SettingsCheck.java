package org.inkstone;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.inkstone.SettingConstraints.RegularExpression;
import org.inkstone.SettingConstraints.ZeroOrRange;
import org.inkstone.ocr.OcrException;
import org.inkstone.learned.ModelException;
import org.inkstone.learned.PaddleModels;
import org.inkstone.ocr.RecognizerKind;
import org.inkstone.ocr.TesseractRecognizer;
import org.inkstone.preprocess.LineDetector;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks every {@code inkstone.*} setting of {@code inkstone run} once Spring Boot has gathered
 * them (application defaults, job definition, environment, command line) and before the
 * application context, and with it the database, is created.
 *
 * <p>Usage errors ({@link CommandLineException#USAGE}): a value that does not convert to its
 * setting's type ({@code inkstone.workers=abc}, a word that is not one of an enum's), a value
 * outside the Jakarta Validation constraints on {@link InkstoneProperties}, and an unknown
 * {@code inkstone.*} key (Spring Boot's {@link NoUnboundElementsBindHandler}, which reports
 * every property under {@code inkstone} that no setting took). Each is one line naming the key,
 * the value, what is allowed (described from the constraints) and, for values from a file,
 * where. Then a missing OCR model ({@link CommandLineException#CANNOT_RUN}), checked with
 * {@link TesseractRecognizer#requireModels} and, where the detector or recogniser uses them, the
 * learned models ({@link PaddleModels#in}).
 */
public final class SettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final String PREFIX = "inkstone";

    /**
     * Hibernate Validator, built on first use: after Spring Boot has configured logging, so its
     * start-up line follows the configured levels.
     */
    private static final class Holder {
        static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    }

    /** Creates the check; register it with {@code SpringApplicationBuilder.listeners}. */
    public SettingsCheck() {
    }

    /**
     * Binds and checks the settings.
     *
     * @param event Spring Boot's event with the prepared environment
     * @throws CommandLineException status 64 for a bad or unknown setting, 2 for a missing model
     */
    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        InkstoneProperties settings = check(event.getEnvironment());
        try {
            TesseractRecognizer.requireModels(settings.ocr().tessdata(), settings.ocr().language());
            if (settings.ocr().detector() != LineDetector.Kind.XY_CUT
                    || settings.ocr().recognizer() != RecognizerKind.TESSERACT) {
                PaddleModels.in(settings.ocr().models());
            }
        } catch (OcrException | ModelException e) {
            throw new CommandLineException(CommandLineException.CANNOT_RUN, e.getMessage(), null);
        }
    }

    /**
     * Binds {@code inkstone.*} from an environment and validates it.
     *
     * @param env the prepared environment
     * @return the settings, valid
     * @throws CommandLineException status 64, one line per problem
     */
    static InkstoneProperties check(ConfigurableEnvironment env) {
        InkstoneProperties settings;
        try {
            settings = Binder.get(env).bind(PREFIX, Bindable.of(InkstoneProperties.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT)).orElse(null);
        } catch (BindException e) {
            throw new CommandLineException(CommandLineException.USAGE, bindProblem(env, e), null);
        }
        if (settings == null) {
            throw new CommandLineException(CommandLineException.USAGE, "no inkstone.* settings found", null);
        }
        Set<ConstraintViolation<InkstoneProperties>> violations = Holder.VALIDATOR.validate(settings);
        if (!violations.isEmpty()) {
            List<String> lines = new ArrayList<>();
            violations.stream().map(v -> key(v.getPropertyPath())).distinct().sorted(Comparator.naturalOrder())
                    .forEach(key -> {
                        ConfigurationProperty p = property(env, key);
                        lines.add(badValue(key, p == null ? null : String.valueOf(p.getValue()), p));
                    });
            throw new CommandLineException(CommandLineException.USAGE, String.join("\n", lines), null);
        }
        return settings;
    }

    /**
     * Checks one numeric setting given under another name on the command line (e.g.
     * {@code --workers}), before Spring starts: the value must parse as the setting's type and lie
     * within the bounds of its {@code @Min}/{@code @Max}/{@code @DecimalMin}/{@code @DecimalMax}/
     * {@code @Positive} constraints (read from the annotations, so without starting the validator).
     *
     * @param key    the setting, e.g. {@code inkstone.workers}
     * @param option the option the operator typed, named in the message
     * @param raw    the value as typed
     * @throws CommandLineException status 64 if the value does not parse or is out of range
     */
    static void checkValue(String key, String option, String raw) {
        Field f = setting(key).field();
        boolean ok;
        try {
            Class<?> type = f.getType();
            BigDecimal v = type == int.class || type == Integer.class
                    ? BigDecimal.valueOf(Integer.parseInt(raw.trim())) : new BigDecimal(raw.trim());
            Bounds b = Bounds.of(f);
            ok = (b.lower() == null || (b.lowerIncluded() ? v.compareTo(b.lower()) >= 0 : v.compareTo(b.lower()) > 0))
                    && (b.upper() == null || v.compareTo(b.upper()) <= 0);
        } catch (NumberFormatException e) {
            ok = false;
        }
        if (!ok) {
            throw new CommandLineException(CommandLineException.USAGE,
                    option + " needs " + allowed(key) + ", not " + shown(raw), RunOptions.USAGE);
        }
    }

    /** The numeric bounds of a setting's constraints; null where unbounded. */
    private record Bounds(BigDecimal lower, boolean lowerIncluded, BigDecimal upper) {
        static Bounds of(Field f) {
            BigDecimal lower = null;
            BigDecimal upper = null;
            boolean lowerIncluded = true;
            if (f.getAnnotation(Min.class) != null) {
                lower = BigDecimal.valueOf(f.getAnnotation(Min.class).value());
            }
            if (f.getAnnotation(DecimalMin.class) != null) {
                lower = new BigDecimal(f.getAnnotation(DecimalMin.class).value());
                lowerIncluded = f.getAnnotation(DecimalMin.class).inclusive();
            }
            if (f.getAnnotation(Positive.class) != null) {
                lower = BigDecimal.ZERO;
                lowerIncluded = false;
            }
            if (f.getAnnotation(Max.class) != null) {
                upper = BigDecimal.valueOf(f.getAnnotation(Max.class).value());
            }
            if (f.getAnnotation(DecimalMax.class) != null) {
                upper = new BigDecimal(f.getAnnotation(DecimalMax.class).value());
            }
            return new Bounds(lower, lowerIncluded, upper);
        }
    }

    /**
     * Describes the values a setting allows, from its type and constraints, e.g. {@code a whole
     * number from 0 to 256} or {@code one of regions, page}.
     *
     * @param key the setting, e.g. {@code inkstone.ocr.psm}
     * @return the description
     * @throws IllegalArgumentException if there is no such setting
     */
    public static String allowed(String key) {
        Field f = setting(key).field();
        Class<?> type = f.getType();
        ZeroOrRange zero = f.getAnnotation(ZeroOrRange.class);
        if (zero != null) {
            return "0 or a whole number from " + zero.min() + " to " + zero.max();
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
        }
        Pattern pattern = f.getAnnotation(Pattern.class);
        if (pattern != null && !pattern.message().startsWith("{")) {
            return pattern.message();
        }
        RegularExpression regex = f.getAnnotation(RegularExpression.class);
        if (regex != null) {
            return regex.message();
        }
        String noun;
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            noun = "a whole number";
        } else if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            noun = "a number";
        } else if (type == java.nio.file.Path.class) {
            noun = "a folder";
        } else {
            noun = f.getAnnotation(NotBlank.class) != null ? "a value that is not blank" : "a value";
        }
        Bounds b = Bounds.of(f);
        String lower = b.lower() == null ? null : b.lower().toPlainString();
        String upper = b.upper() == null ? null : b.upper().toPlainString();
        boolean lowerIncluded = b.lowerIncluded();
        if (lower != null && upper != null) {
            return noun + (lowerIncluded ? " from " + lower + " to " + upper : " over " + lower + " and at most " + upper);
        } else if (lower != null) {
            return noun + (lowerIncluded ? " of at least " + lower : " over " + lower);
        } else if (upper != null) {
            return noun + " of at most " + upper;
        }
        return noun;
    }

    private static String bindProblem(ConfigurableEnvironment env, BindException e) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            return unbound.getUnboundProperties().stream().sorted()
                    .map(p -> "unknown setting " + p.getName() + where(p)
                            + " (the settings are listed in jobs/digitize.properties)")
                    .collect(Collectors.joining("\n"));
        }
        ConfigurationProperty p = e.getProperty();
        String key = p != null ? p.getName().toString() : e.getName().toString();
        try {
            setting(key);
        } catch (IllegalArgumentException notASetting) {
            return "setting " + key + " cannot be read: " + rootMessage(e);
        }
        return badValue(key, p == null ? null : String.valueOf(p.getValue()), p);
    }

    private static String badValue(String key, String raw, ConfigurationProperty p) {
        return key + " needs " + allowed(key) + ", not " + shown(raw) + (p == null ? "" : where(p));
    }

    private static String shown(String raw) {
        return raw == null || raw.isEmpty() ? "an empty value" : raw;
    }

    /** @return {@code " (FILE line N)"} for a value read from a file, else empty */
    private static String where(ConfigurationProperty p) {
        Origin origin = Origin.from(p);
        for (int depth = 0; depth < 8 && origin != null && !(origin instanceof TextResourceOrigin); depth++) {
            origin = origin instanceof PropertySourceOrigin wrapped ? wrapped.getOrigin() : origin.getParent();
        }
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            String file;
            try {
                file = text.getResource().getFile().toString();
            } catch (java.io.IOException | RuntimeException e) {
                file = text.getResource().getDescription();
            }
            return " (" + file + (text.getLocation() == null ? "" : " line " + (text.getLocation().getLine() + 1)) + ")";
        }
        return "";
    }

    private static ConfigurationProperty property(ConfigurableEnvironment env, String key) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(env)) {
            ConfigurationProperty p = source.getConfigurationProperty(name);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** @return the property key of a violation's path, e.g. {@code inkstone.ocr.text-height} */
    private static String key(jakarta.validation.Path path) {
        StringBuilder key = new StringBuilder(PREFIX);
        for (Node node : path) {
            if (node.getName() != null) {
                key.append('.').append(kebab(node.getName()));
            }
        }
        return key.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A setting's field and the record that declares it. */
    private record Setting(Class<?> owner, Field field) {
    }

    private static Setting setting(String key) {
        if (!key.startsWith(PREFIX + ".")) {
            throw new IllegalArgumentException("not an Inkstone setting: " + key);
        }
        Class<?> owner = InkstoneProperties.class;
        String[] parts = key.substring(PREFIX.length() + 1).split("\\.");
        for (int i = 0; i < parts.length; i++) {
            RecordComponent found = null;
            for (RecordComponent c : owner.getRecordComponents()) {
                if (kebab(c.getName()).equals(parts[i])) {
                    found = c;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("not an Inkstone setting: " + key);
            }
            if (i == parts.length - 1) {
                try {
                    return new Setting(owner, owner.getDeclaredField(found.getName()));
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!found.getType().isRecord()) {
                throw new IllegalArgumentException("not an Inkstone setting: " + key);
            }
            owner = found.getType();
        }
        throw new IllegalArgumentException("not an Inkstone setting: " + key);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }
}

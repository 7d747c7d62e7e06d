package org.inkstone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.inkstone.ocr.Engines;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs the real Tesseract (libtesseract 5 and {@code chi_sim}): tagged
 * {@value #TAG}, so the fast tier can leave it out, and skipped with the reason where Tesseract
 * is not installed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RequiresTesseract.TAG)
@ExtendWith(RequiresTesseract.Check.class)
public @interface RequiresTesseract {

    /** The tag of tests that need the real Tesseract. */
    String TAG = "tesseract";

    /** Skips the class where Tesseract is missing. */
    final class Check implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Engines.tesseract() ? ConditionEvaluationResult.enabled("Tesseract is installed")
                    : ConditionEvaluationResult.disabled("needs libtesseract 5 and the chi_sim model "
                    + "(./inkstone setup installs them)");
        }
    }
}

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
 * Marks a test class that drives a real browser (Debian's headless chromium and chromedriver):
 * tagged {@value #TAG} and skipped with the reason where they are not installed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RequiresBrowser.TAG)
@ExtendWith(RequiresBrowser.Check.class)
public @interface RequiresBrowser {

    /** The tag of tests that need the browser. */
    String TAG = "browser";

    /** Skips the class where the browser is missing. */
    final class Check implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Engines.browser() ? ConditionEvaluationResult.enabled("chromium is installed")
                    : ConditionEvaluationResult.disabled("needs Debian's chromium and chromium-driver "
                    + "(./inkstone setup installs them)");
        }
    }
}

package org.inkstone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.inkstone.learned.PaddleModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs the learned PaddleOCR models ({@link PaddleModels}) in
 * {@link PaddleModels#defaultFolder()}: tagged {@value #TAG}, and skipped with the reason where the
 * model files are missing. A file that is there but differs from the published one fails the
 * test instead of skipping it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RequiresModels.TAG)
@ExtendWith(RequiresModels.Check.class)
public @interface RequiresModels {

    /** The tag of tests that need the learned models. */
    String TAG = "models";

    /** Skips the class where a model file is missing. */
    final class Check implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            java.nio.file.Path folder = PaddleModels.defaultFolder();
            for (String name : new String[] {PaddleModels.DETECTOR, PaddleModels.RECOGNIZER, PaddleModels.KEYS}) {
                if (!java.nio.file.Files.isRegularFile(folder.resolve(name))) {
                    return ConditionEvaluationResult.disabled("needs the PaddleOCR model " + folder.resolve(name)
                            + " (./inkstone setup installs it)");
                }
            }
            return ConditionEvaluationResult.enabled("the PaddleOCR models are installed in " + folder);
        }
    }
}

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
 * Marks a test class that needs the PP-OCRv4 model files ({@link PaddleModels}) in
 * {@link PaddleModels#defaultFolder()}: tagged {@value #TAG}, so a tier can leave it out, and
 * skipped with the reason only where the files are missing (a file that is there but differs from
 * the published one fails the test instead).
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
            var folder = PaddleModels.defaultFolder();
            for (String name : new String[] {PaddleModels.RECOGNIZER, PaddleModels.KEYS}) {
                if (!java.nio.file.Files.isRegularFile(folder.resolve(name))) {
                    return ConditionEvaluationResult.disabled("needs the PP-OCRv4 model file " + folder.resolve(name)
                            + " (./inkstone setup installs it)");
                }
            }
            return ConditionEvaluationResult.enabled("the PP-OCRv4 models are installed");
        }
    }
}

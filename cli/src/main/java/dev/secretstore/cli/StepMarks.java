package dev.secretstore.cli;

import dev.secretstore.VerificationStep;

/** The mark in front of each verification step: ✓ passed, ✗ failed, ! warning, - skipped. */
final class StepMarks {

    private StepMarks() {
    }

    static String mark(VerificationStep.Status status) {
        return switch (status) {
            case PASSED -> "✓";
            case FAILED -> "✗";
            case WARNING -> "!";
            case SKIPPED -> "-";
        };
    }

    static boolean isFailure(VerificationStep.Status status) {
        return status == VerificationStep.Status.FAILED;
    }

    static boolean isProblem(VerificationStep.Status status) {
        return status == VerificationStep.Status.FAILED || status == VerificationStep.Status.WARNING;
    }
}

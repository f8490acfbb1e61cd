/**
 * Action attempts: {@code /action_attempts/get} and {@code /list}, and the lifecycle
 * every asynchronous action shares. An attempt is stored {@code pending} with the instant
 * it is due; once due it is carried out by the
 * {@link dev.emulator.seam.actionattempt.ActionAttemptHandler} of its action type and
 * ends {@code success} or {@code error}, in one transaction with the change the action
 * makes.
 */
package dev.emulator.seam.actionattempt;

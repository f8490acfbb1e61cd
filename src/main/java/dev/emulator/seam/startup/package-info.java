/**
 * What a user sees when the server starts: the banner that says where it listens and how
 * it is configured, the API key shown once, and configuration errors as one line that
 * names the environment variable (and never a secret's value).
 */
package dev.emulator.seam.startup;

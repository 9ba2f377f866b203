package dev.packguard.app.config;

/**
 * One thing wrong with a configuration file.
 *
 * @param field the JSON path of the bad field, e.g. {@code ledger.url}
 * @param problem what is wrong and what would be right, for the person editing the file
 */
public record ConfigError(String field, String problem) {
    @Override
    public String toString() {
        return field + ": " + problem;
    }
}

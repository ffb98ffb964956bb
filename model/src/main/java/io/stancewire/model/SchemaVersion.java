package io.stancewire.model;

/**
 * The version every record carries in its {@code schemaVersion} field. Bump it when a record changes in a way an
 * older reader would misread; readers accept any version up to their own.
 */
public final class SchemaVersion {
    private SchemaVersion() {}

    public static final int CURRENT = 1;
}

package org.darkscope.event;

/** Primitive type of a summary column. */
public enum ColumnType {
    INT,
    LONG,
    FLOAT
}

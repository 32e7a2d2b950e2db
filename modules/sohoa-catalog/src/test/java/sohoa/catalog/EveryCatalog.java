package sohoa.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog's contract: a test so marked is run against every catalog database sohoa supports
 * (embedded H2, PostgreSQL), given as its {@code String database} parameter to
 * {@link TestCatalogs}. A new backend is added here, and every such test then checks it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ValueSource(strings = {TestCatalogs.H2, TestCatalogs.POSTGRESQL})
@interface EveryCatalog {}

package owsim.io;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a number or true/false field of an input record that a file may leave out, because its
 * default (0 or false) is documented with the file format. In a file read with
 * {@link StrictYaml#requireNumbers()}, any other such field that is missing is an error naming the
 * file, line and field, rather than a silent 0.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DocumentedDefault {}

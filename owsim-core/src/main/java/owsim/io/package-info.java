/**
 * Reading what users give owsim: strict YAML binding into immutable records, range checks and
 * errors that name the file, line, column and field and say what is allowed. Nothing here knows
 * about models or markets.
 */
package owsim.io;

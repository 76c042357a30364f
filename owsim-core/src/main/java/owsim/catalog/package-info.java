/**
 * The catalog: real open-weight model architectures and accelerators, bundled as YAML with a
 * source for every number, extendable with a user's file ({@code --catalog FILE}).
 */
package owsim.catalog;

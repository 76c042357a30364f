package owsim;

import owsim.market.Engine;

/**
 * Run by {@link ModulePathTest} in a JVM of its own, from the class path, with owsim-core on the
 * module path: the README's example through exported packages only, then a look at an internal
 * package from outside the module.
 */
final class ModulePathMain {
    private ModulePathMain() {}

    public static void main(String[] args) throws Exception {
        ReadmeExample.print(System.out);
        Module core = Engine.class.getModule();
        System.out.println("module " + core.getName());
        System.out.println("network exported " + core.isExported("owsim.market.network"));
        try {
            Class.forName("owsim.market.network.Networks").getMethod("fullyMixed", int.class).invoke(null, 10);
            System.out.println("network reached");
        } catch (IllegalAccessException e) {
            System.out.println("network refused");
        }
    }
}

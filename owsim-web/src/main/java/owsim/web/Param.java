package owsim.web;

/**
 * One query parameter of an endpoint: the command's option of the same name ({@code gpus} is
 * {@code --gpus}), so the command checks it and its messages name it.
 *
 * @param name the option's name without the dashes
 * @param type the OpenAPI type: string, integer or number
 * @param repeatable whether it may be given more than once (as the option may)
 * @param required whether the command requires it
 * @param description what it is, for the OpenAPI document
 */
record Param(String name, String type, boolean repeatable, boolean required, String description) {
    static Param string(String name, String description) {
        return new Param(name, "string", false, false, description);
    }

    static Param integer(String name, String description) {
        return new Param(name, "integer", false, false, description);
    }

    static Param number(String name, String description) {
        return new Param(name, "number", false, false, description);
    }

    Param asRequired() {
        return new Param(name, type, repeatable, true, description);
    }

    Param asRepeatable() {
        return new Param(name, type, true, required, description);
    }
}

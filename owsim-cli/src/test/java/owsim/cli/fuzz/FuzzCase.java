package owsim.cli.fuzz;

import java.util.List;

/** A shipped valid file of one kind, the changes made to it, and whether it is written as JSON or block YAML. */
record FuzzCase(InputKind kind, int file, boolean blockYaml, List<Edit> edits) {
    @Override public String toString() {
        return kind + " " + kind.seedFiles().get(file).getFileName() + (blockYaml && !kind.json() ? " as block YAML " : " as JSON ") + edits;
    }
}

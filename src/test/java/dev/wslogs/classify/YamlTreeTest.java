package dev.wslogs.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link YamlTree} builds the tree ObjectMapper.readTree builds, for every shipped rule and odd YAML. */
class YamlTreeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    @Test
    void everyShippedRule() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("patterns"))) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertTrue(files.size() >= 13, "patterns/ has " + files.size() + " rules");
        for (Path f : files) {
            String text = Files.readString(f);
            assertEquals(MAPPER.readTree(text), YamlTree.read(text), f.toString());
        }
    }

    @Test
    void oddYaml() throws Exception {
        for (String text : List.of(
                "a: 1\nb: 2.5\nc: true\nd: null\ne: ~\nf: 'x'\ng: \"y\\n\"\n",
                "big: 123456789012345678901234567890\nlong: 12345678901\nneg: -3\nexp: 1e3\n",
                "list: [1, two, 3.0, [4], {five: 5}]\n",
                "dup: 1\ndup: 2\n",
                "anchor: &a {k: v}\nref: *a\n",
                "- just\n- a\n- list\n",
                "scalar",
                "multi: |\n  line one\n  line two\n",
                "empty_map: {}\nempty_list: []\n",
                "yes_no: [yes, no, on, off]\n")) {
            assertEquals(MAPPER.readTree(text), YamlTree.read(text), text);
        }
    }

    @Test
    void emptyDocumentIsMissing() throws Exception {
        assertTrue(YamlTree.read("").isMissingNode());
    }
}

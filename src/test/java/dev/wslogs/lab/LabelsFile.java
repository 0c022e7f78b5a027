package dev.wslogs.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code labels.jsonl}: one JSON object per line, keys in the documented order. */
public final class LabelsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelsFile() {}

    public static void write(Path file, List<Label> labels) {
        StringBuilder out = new StringBuilder();
        for (Label l : labels) {
            try {
                out.append(JSON.writeValueAsString(l.toJsonMap())).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Label> read(Path file) {
        List<Label> labels = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) labels.add(Label.fromJsonMap(JSON.readValue(line, new TypeReference<Map<String, Object>>() {})));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }
}

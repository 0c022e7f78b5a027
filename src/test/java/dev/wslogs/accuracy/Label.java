package dev.wslogs.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of a lab run's labels.jsonl: what the harness did and what cause that is. */
record Label(String scenario, String action, String cause, Integer accessLine) {
    static final String OK = "ok";
    static final String NOT_WEBSOCKET = "not-websocket";

    boolean isIncident() {
        return !cause.equals(OK) && !cause.equals(NOT_WEBSOCKET);
    }

    static List<Label> read(Path labels) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<Label> out = new ArrayList<>();
        for (String line : Files.readAllLines(labels)) {
            if (line.isBlank()) continue;
            JsonNode n = m.readTree(line);
            JsonNode al = n.get("access_line");
            out.add(new Label(n.get("scenario").asText(), n.get("action").asText(), n.get("cause").asText(),
                    al == null || al.isNull() ? null : al.asInt()));
        }
        return out;
    }
}

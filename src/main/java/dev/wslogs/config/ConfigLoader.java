package dev.wslogs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads {@link Config} from YAML; problems come back as one message naming file, line and key. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private ConfigLoader() {}

    /** A problem with the config file; the message is ready for the user. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    public static Config load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static Config parse(String text, String source) throws ConfigException {
        if (text.isBlank()) return Config.defaults();
        Config c;
        try {
            c = YAML.readValue(text, Config.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(source + ":" + keyLine(text, e.getPropertyName(), e.getLocation()) + ": unknown key '" + path(e) + "'"
                    + " (known: " + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ":" + line(e.getLocation()) + ": " + e.getOriginalMessage());
        }
        if (c == null) return Config.defaults();
        var problems = c.validate();
        if (!problems.isEmpty()) throw new ConfigException(source + ": " + String.join("; ", problems));
        return c;
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() == null) continue;
            if (sb.length() > 0) sb.append('.');
            sb.append(ref.getFieldName());
        }
        return sb.length() == 0 ? e.getPropertyName() : sb.toString();
    }

    /** The line where the key is written (Jackson reports where the parser stood, often a line later). */
    private static String keyLine(String text, String key, JsonLocation fallback) {
        String[] lines = text.split("\n", -1);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\s*-?\\s*[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:");
        for (int i = 0; i < lines.length; i++) if (p.matcher(lines[i]).find()) return Integer.toString(i + 1);
        return line(fallback);
    }

    private static String line(JsonLocation loc) {
        return loc == null ? "?" : Integer.toString(loc.getLineNr());
    }
}

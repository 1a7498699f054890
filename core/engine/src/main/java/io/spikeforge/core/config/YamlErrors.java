package io.spikeforge.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a YAML parser's multi-line report (context, snippet, caret, problem) into one line: where the
 * problem is, what it is, and what the parser was doing.
 */
final class YamlErrors {

    private static final Pattern MARK = Pattern.compile("^ in '[^']*', line (\\d+), column (\\d+):$");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private YamlErrors() {
    }

    static String describe(JsonProcessingException e) {
        String text = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        List<String> said = new ArrayList<>();
        String where = null;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher mark = MARK.matcher(line);
            if (mark.matches()) {
                where = "line " + mark.group(1) + ", column " + mark.group(2);
                i += 2; // the snippet and its caret
            } else if (!line.isBlank()) {
                said.add(line.strip());
            }
        }
        if (where == null) {
            JsonLocation loc = e.getLocation();
            where = loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        }
        String what;
        if (said.isEmpty()) {
            what = "unreadable";
        } else {
            Matcher dup = DUPLICATE.matcher(said.get(0));
            what = dup.matches() ? "the key '" + dup.group(1) + "' appears twice in one mapping"
                    : said.size() == 1 ? said.get(0) : said.get(said.size() - 1) + " (" + said.get(0) + ")";
        }
        return "malformed YAML" + (where == null ? "" : " at " + where) + ": " + what;
    }
}

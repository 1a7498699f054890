package io.spikeforge.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random mutations of a config's text, of the kinds people and tools make: a deleted line, two values
 * swapped, a value of the wrong type, a key given twice, random unicode, a huge or non-finite number.
 * Each mutation is named, so that a failing case says what was done to the file.
 */
final class ConfigMutator {

    /** A {@code key: value} pair, in block or flow style; group 2 is the value. */
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*): ([^,{}\\[\\]\\n#]+?)(?=\\s*(?:[,}\\]#]|$))",
            Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?(?![\\w.])");
    private static final List<String> WRONG_TYPES = List.of("abc", "[1, 2]", "{a: 1}", "true", "null", "''", "~",
            "-", "!!binary aGk=", "2020-01-01", "[]", "{}", "\"\"", "0x1F", "1_000", "12:30");
    private static final List<String> HUGE = List.of("1e308", "-1e308", "1e39", "-1e39", "1e999", "-1e999",
            "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999", "1e-320", ".nan", ".inf",
            "-.inf", ".NaN", "+.Inf", "4294967296");
    private static final int[] ODD_CHARACTERS = {0x0, 0x7, 0x9, 0xD, 0x85, 0xA0, 0x200B, 0x2028, 0x202E, 0xFEFF,
            0xFFFD, 0x1F600, 0x10FFFF, 0x301, '"', '\'', '&', '*', '!', '%', '@', '`', '|', '>', '#', ':', '{', '['};

    private final Random random;

    ConfigMutator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A mutated text and what was done to it.
     *
     * @param text       the config text
     * @param done       the mutations, in order
     * @param mustRefuse whether a mutation made it a config that must be refused (an alias, a second document)
     */
    record Mutant(String text, List<String> done, boolean mustRefuse) {
    }

    /** @return {@code text} after one to three random mutations */
    Mutant mutate(String text) {
        List<String> done = new ArrayList<>();
        boolean mustRefuse = false;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String before = text;
            int kind = random.nextInt(7);
            text = switch (kind) {
                case 0 -> deleteLine(text, done);
                case 1 -> swapValues(text, done);
                case 2 -> replaceValue(text, WRONG_TYPES, "wrong type", done);
                case 3 -> duplicateKey(text, done);
                case 4 -> unicode(text, done);
                case 5 -> replaceNumber(text, done);
                default -> yamlFeature(text, done);
            };
            if (text.equals(before)) {
                done.add("(no change)");
            } else if (kind == 6 && i == n - 1) {
                // What later mutations do may make the file unreadable, which is a refusal too; only the
                // last mutation's feature is sure to be in the file.
                mustRefuse = true;
            }
        }
        return new Mutant(text, done, mustRefuse);
    }

    /** An alias of another value, or a second document: YAML that must be refused, never read otherwise. */
    private String yamlFeature(String text, List<String> done) {
        List<MatchResult> all = pairs(text);
        if (random.nextBoolean() || all.size() < 2) {
            done.add("a second document");
            return text + "\n---\nname: second\n";
        }
        MatchResult a = all.get(random.nextInt(all.size()));
        MatchResult b = all.get(random.nextInt(all.size()));
        if (a.start() == b.start()) {
            return text;
        }
        MatchResult first = a.start() < b.start() ? a : b;
        MatchResult second = first == a ? b : a;
        done.add("alias: " + second.key() + ": *x of " + first.key() + ": &x " + first.value());
        return text.substring(0, first.start()) + "&x " + first.value() + text.substring(first.end(), second.start())
                + "*x" + text.substring(second.end());
    }

    private String deleteLine(String text, List<String> done) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = random.nextInt(lines.size());
        done.add("deleted line " + (i + 1) + ": " + lines.remove(i));
        return String.join("\n", lines);
    }

    private List<MatchResult> pairs(String text) {
        List<MatchResult> all = new ArrayList<>();
        Matcher m = PAIR.matcher(text);
        while (m.find()) {
            // Not in a comment: what is done there changes nothing.
            if (text.substring(text.lastIndexOf('\n', m.start()) + 1, m.start()).indexOf('#') < 0) {
                all.add(new MatchResult(m.start(2), m.end(2), m.group(1), m.group(2)));
            }
        }
        return all;
    }

    /** Where a value is: its span in the text, its key and its text. */
    private record MatchResult(int start, int end, String key, String value) {
    }

    private String swapValues(String text, List<String> done) {
        List<MatchResult> all = pairs(text);
        if (all.size() < 2) {
            return text;
        }
        MatchResult a = all.get(random.nextInt(all.size()));
        MatchResult b = all.get(random.nextInt(all.size()));
        if (a.start() == b.start()) {
            return text;
        }
        MatchResult first = a.start() < b.start() ? a : b;
        MatchResult second = first == a ? b : a;
        done.add("swapped " + first.key() + ": " + first.value() + " and " + second.key() + ": " + second.value());
        return text.substring(0, first.start()) + second.value() + text.substring(first.end(), second.start())
                + first.value() + text.substring(second.end());
    }

    private String replaceValue(String text, List<String> choices, String what, List<String> done) {
        List<MatchResult> all = pairs(text);
        if (all.isEmpty()) {
            return text;
        }
        MatchResult v = all.get(random.nextInt(all.size()));
        String by = choices.get(random.nextInt(choices.size()));
        done.add(what + ": " + v.key() + ": " + v.value() + " -> " + by);
        return text.substring(0, v.start()) + by + text.substring(v.end());
    }

    private String replaceNumber(String text, List<String> done) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        String by = HUGE.get(random.nextInt(HUGE.size()));
        done.add("number " + text.substring(s[0], s[1]) + " at " + s[0] + " -> " + by);
        return text.substring(0, s[0]) + by + text.substring(s[1]);
    }

    private String duplicateKey(String text, List<String> done) {
        List<MatchResult> all = pairs(text);
        if (all.isEmpty()) {
            return text;
        }
        MatchResult v = all.get(random.nextInt(all.size()));
        int keyStart = v.start() - v.key().length() - 2;
        int lineStart = text.lastIndexOf('\n', keyStart) + 1;
        String indent = text.substring(lineStart, keyStart);
        String pair = v.key() + ": " + v.value();
        done.add("key twice: " + pair);
        if (indent.isBlank()) {
            // Block style: the same key on the next line, at the same indent.
            return text.substring(0, v.end()) + "\n" + indent + pair + text.substring(v.end());
        }
        // Flow style or after "- ": the same pair once more in the same mapping.
        return text.substring(0, v.end()) + ", " + pair + text.substring(v.end());
    }

    private String unicode(String text, List<String> done) {
        int at = random.nextInt(text.length() + 1);
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--; // not inside an earlier character's surrogate pair: the file is UTF-8, not UTF-16
        }
        int cp = random.nextBoolean() ? ODD_CHARACTERS[random.nextInt(ODD_CHARACTERS.length)]
                : random.nextInt(0x10FFFF + 1);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        done.add(String.format("U+%04X at %d", cp, at));
        return text.substring(0, at) + new String(Character.toChars(cp)) + text.substring(at);
    }
}

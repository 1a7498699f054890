package io.spikeforge.core.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikeforge.spi.ParamSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One rule per number of the config's layout, with its range, default and messages. */
class NumberFieldTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static List<String> errors(Problems p) {
        return p.list().stream().map(ConfigError::toString).toList();
    }

    @Test
    void aRulesOwnWordsSayTheTypeRangeAndUnit() {
        NumberField dt = NumberField.of(ParamSpec.optionalReal("dt", "ms", "time step").asRequired().positive());
        Problems p = new Problems();
        assertNull(dt.read(F.objectNode(), "dt", "dt", p));
        assertNull(dt.check(F.numberNode(0), "dt", p));
        assertNull(dt.check(F.textNode("fast"), "dt", p));
        assertEquals(0.25, dt.check(F.textNode("0.25"), "dt", p), "text that holds a number is read as one");
        assertEquals(List.of("dt: missing; give a number > 0 in ms", "dt: must be a number > 0 ms, got 0",
                "dt: must be a number > 0 ms, got 'fast'"), errors(p));
    }

    @Test
    void aWholeFieldRefusesFractionsAndValuesOutsideItsRangeInItsOwnWords() {
        NumberField threads = NumberField.of(ParamSpec.integer("threads", 0, "1", "threads").between(0, 4096))
                .noting("0: one per core");
        Problems p = new Problems();
        ObjectNode b = F.objectNode().put("threads", 1.5);
        assertNull(threads.read(b, "threads", "backend.threads", p));
        assertNull(threads.check(F.numberNode(4097), "backend.threads", p));
        assertEquals(4096.0, threads.check(F.numberNode(4096), "backend.threads", p));
        assertEquals(List.of(
                "backend.threads: must be an integer in [0, 4096] (0: one per core), got 1.5",
                "backend.threads: must be an integer in [0, 4096] (0: one per core), got 4097"), errors(p));
    }

    @Test
    void aLeftOutOptionalKeyIsItsDefaultAndARequiredOneIsAskedForInTheFieldsWords() {
        NumberField every = NumberField.of(ParamSpec.integer("every", 1, "steps", "").atLeast(1))
                .refusing("must be a whole number of steps >= 1");
        NumberField size = NumberField.of(ParamSpec.integer("size", 1, "1", "").atLeast(1).asRequired())
                .whenMissing("missing; give the number of neurons (an integer > 0)");
        Problems p = new Problems();
        assertEquals(1.0, every.read(F.objectNode(), "every", "monitors[0].every", p));
        assertNull(every.read(F.objectNode().put("every", 0), "every", "monitors[0].every", p));
        assertNull(size.read(F.objectNode(), "size", "populations[0].size", p));
        assertEquals(List.of("monitors[0].every: must be a whole number of steps >= 1, got 0",
                "populations[0].size: missing; give the number of neurons (an integer > 0)"), errors(p));
    }
}

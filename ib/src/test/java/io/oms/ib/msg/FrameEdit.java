package io.oms.ib.msg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Edits an encoded frame the way a real gateway's richer order would differ from ours: overwrite a field
 * and insert the group fields that follow it. Positions refer to the ORIGINAL frame and are applied from
 * the back so earlier positions stay valid.
 */
final class FrameEdit {
    private record Edit(int pos, String value, List<String> inserted) {}

    private final List<String> base;
    private final List<Edit> edits = new ArrayList<>();

    FrameEdit(List<String> base) { this.base = base; }

    /** Field pos becomes value, and extra fields are inserted right after it. */
    FrameEdit set(int pos, String value, String... insertedAfter) {
        edits.add(new Edit(pos, value, Arrays.asList(insertedAfter)));
        return this;
    }

    /** Fields inserted after pos, which itself is unchanged. */
    FrameEdit insertAfter(int pos, String... fields) { return set(pos, null, fields); }

    List<String> apply() {
        List<String> out = new ArrayList<>(base);
        edits.stream().sorted(Comparator.comparingInt(Edit::pos).reversed()).forEach(e -> {
            if (e.value() != null) out.set(e.pos(), e.value());
            out.addAll(e.pos() + 1, e.inserted());
        });
        return out;
    }
}

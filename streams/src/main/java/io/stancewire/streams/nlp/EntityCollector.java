package io.stancewire.streams.nlp;

import io.stancewire.model.Entity;
import io.stancewire.model.Mention;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups mentions into entities by id, keeping first-seen order and dropping repeated spans. */
public final class EntityCollector {
    private record Group(String type, String name, List<Mention> mentions, Set<Integer> begins) {}

    private final Map<String, Group> groups = new LinkedHashMap<>();

    public void add(String id, String type, String name, Mention mention) {
        Group group = groups.computeIfAbsent(id, k -> new Group(type, name, new ArrayList<>(), new HashSet<>()));
        if (mention != null && group.begins().add(mention.begin())) {
            group.mentions().add(mention);
        }
    }

    public List<Entity> entities() {
        List<Entity> out = new ArrayList<>();
        groups.forEach((id, g) -> {
            List<Mention> sorted = new ArrayList<>(g.mentions());
            sorted.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
            out.add(new Entity(id, g.type(), g.name(), sorted));
        });
        return out;
    }
}

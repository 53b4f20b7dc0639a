package org.newsflow.enrich.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsflow.enrich.geo.Gazetteer.Country;

/**
 * The rows of {@code cities.tsv} (name, country, admin1, population, GeoNames feature code) folded into one reading
 * per (name, country): the largest population of a place of that name in that country, whether one of them is the
 * national capital, and all their admin1 codes. Then the names the rows miss are added: capitals as the countries
 * file spells them, "St."/"Saint"/"Ste." spellings, and the curated other names ("Kiev" for Kyiv). Used once, while
 * the gazetteer loads.
 */
final class CityTable {
    /** GeoNames' feature code of a national capital. */
    private static final String CAPITAL_CODE = "PPLC";

    /** One reading of a city name. */
    record City(String country, long population, boolean capital, Set<String> admins) {}

    /** name key -> country -> {largest population, 1 if a capital}; in file order, as the trie is filled. */
    private final Map<String, Map<String, long[]>> pop = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<String>>> admins = new HashMap<>();
    private final Map<String, String> display = new HashMap<>();
    private final Set<String> capitalsSeen = new HashSet<>();

    /**
     * @param cityAliases curated rows {other name, country, name in cities.tsv}
     */
    static CityTable build(List<String[]> rows, int minPopulation, Collection<Country> countries, List<String[]> cityAliases) {
        CityTable t = new CityTable();
        for (String[] r : rows) {
            long p = Long.parseLong(r[3]);
            if (p >= minPopulation) {
                t.addRow(r[0], r[1], r[2], p, CAPITAL_CODE.equals(r[4]));
            }
        }
        t.addCapitals(countries);
        t.addSaintSpellings();
        t.addAliases(cityAliases);
        return t;
    }

    private void addRow(String name, String country, String admin1, long p, boolean capital) {
        String k = GazetteerText.key(name);
        display.putIfAbsent(k, name);
        // "Washington, D.C." is also called "Washington"
        int comma = name.indexOf(", ");
        if (comma > 0 && capital) {
            String shortKey = GazetteerText.key(name.substring(0, comma));
            display.putIfAbsent(shortKey, name.substring(0, comma));
            long[] c2 = cell(shortKey, country);
            c2[0] = Math.max(c2[0], p);
            c2[1] = 1;
            capitalsSeen.add(country + "|" + shortKey);
            admins.computeIfAbsent(shortKey, x -> new HashMap<>()).computeIfAbsent(country, x -> new HashSet<>(2)).add(admin1);
        }
        long[] cell = cell(k, country);
        cell[0] = Math.max(cell[0], p);
        if (capital) {
            cell[1] = 1;
            capitalsSeen.add(country + "|" + k);
        }
        admins.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(country, x -> new HashSet<>(2)).add(admin1);
    }

    private long[] cell(String key, String country) {
        return pop.computeIfAbsent(key, x -> new LinkedHashMap<>()).computeIfAbsent(country, x -> new long[2]);
    }

    /** Capitals named by the countries file count even when GeoNames spells them differently. */
    private void addCapitals(Collection<Country> countries) {
        for (Country c : countries) {
            for (String cap : c.capitals()) {
                String k = GazetteerText.key(cap);
                if (!capitalsSeen.contains(c.alpha2() + "|" + k) && !pop.containsKey(k)) {
                    display.put(k, cap);
                    pop.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(c.alpha2(), new long[] {100_000, 1});
                    admins.computeIfAbsent(k, x -> new HashMap<>()).put(c.alpha2(), Set.of());
                }
            }
        }
    }

    /** "St. Petersburg" and "Saint Petersburg", "Ste." and "Sainte". */
    private void addSaintSpellings() {
        for (String k : new ArrayList<>(pop.keySet())) {
            String alias = k.startsWith("Saint ") ? "St. " + k.substring(6) : k.startsWith("St. ") ? "Saint " + k.substring(4)
                    : k.startsWith("Sainte ") ? "Ste. " + k.substring(7) : null;
            if (alias != null) {
                Map<String, long[]> into = pop.computeIfAbsent(alias, x -> new LinkedHashMap<>());
                Map<String, Set<String>> intoAdmins = admins.computeIfAbsent(alias, x -> new HashMap<>());
                for (Map.Entry<String, long[]> c : pop.get(k).entrySet()) {
                    long[] have = into.get(c.getKey());
                    if (have == null || have[0] < c.getValue()[0]) {
                        into.put(c.getKey(), c.getValue());
                        intoAdmins.put(c.getKey(), admins.get(k).get(c.getKey()));
                    }
                }
                display.putIfAbsent(alias, alias);
            }
        }
    }

    /** Curated other names: "Kiev" is Kyiv, "Bombay" Mumbai. */
    private void addAliases(List<String[]> cityAliases) {
        for (String[] a : cityAliases) {
            Map<String, long[]> target = pop.get(GazetteerText.key(a[2]));
            long[] cell = target == null ? null : target.get(a[1]);
            if (cell != null) {
                String k = GazetteerText.key(a[0]);
                pop.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(a[1], cell);
                admins.computeIfAbsent(k, x -> new HashMap<>()).put(a[1], admins.get(GazetteerText.key(a[2])).get(a[1]));
                display.putIfAbsent(k, a[2]);
            }
        }
    }

    /**
     * Each city name as it is displayed, with its readings (one per country), in the order the trie is filled. A
     * curated other name unknown to GeoNames is displayed, and so entered, by the name it stands for.
     */
    List<Named> names() {
        List<Named> out = new ArrayList<>(pop.size());
        for (Map.Entry<String, Map<String, long[]>> e : pop.entrySet()) {
            List<City> readings = new ArrayList<>();
            for (Map.Entry<String, long[]> c : e.getValue().entrySet()) {
                Set<String> a = admins.get(e.getKey()).get(c.getKey());
                readings.add(new City(c.getKey(), c.getValue()[0], c.getValue()[1] == 1, Set.copyOf(a)));
            }
            out.add(new Named(display.get(e.getKey()), readings));
        }
        return out;
    }

    /** A displayed name and its readings. */
    record Named(String name, List<City> readings) {}
}

package org.newsflow.enrich.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Name resolution (which mentions are one person) on hand-built candidates: no tokens, no CoreNLP. */
class PersonResolverTest {

    private static PersonCandidate candidate(int first, String... words) {
        PersonCandidate c = new PersonCandidate();
        c.first = first;
        c.last = first + words.length - 1;
        c.words = List.of(words);
        c.text = String.join(" ", words);
        return c;
    }

    private static List<PersonEntity> group(PersonCandidate... candidates) {
        return PersonResolver.group(List.of(candidates));
    }

    @Test
    void surnameAloneJoinsTheFullName() {
        PersonCandidate full = candidate(0, "Antony", "Blinken");
        PersonCandidate later = candidate(10, "Blinken");
        List<PersonEntity> people = group(full, later);
        assertThat(people).hasSize(1);
        assertThat(people.get(0).mentions).containsExactly(full, later);
        assertThat(later.entity).isSameAs(full.entity);
    }

    @Test
    void initialMatchesTheFirstNameAndTheLongerFormWins() {
        PersonCandidate initial = candidate(0, "A", "Blinken");
        PersonCandidate full = candidate(5, "Antony", "Blinken");
        List<PersonEntity> people = group(initial, full);
        assertThat(people).hasSize(1);
        assertThat(people.get(0).words).containsExactly("A", "Blinken");
        assertThat(PersonResolver.compatible(List.of("A", "Blinken"), List.of("Antony", "Blinken"))).isTrue();
    }

    @Test
    void differentFirstNamesAreDifferentPeople() {
        assertThat(PersonResolver.compatible(List.of("Hillary", "Clinton"), List.of("Bill", "Clinton"))).isFalse();
        List<PersonEntity> people = group(candidate(0, "Hillary", "Clinton"), candidate(4, "Bill", "Clinton"));
        assertThat(people).hasSize(2);
    }

    @Test
    void ambiguousSurnameGoesToTheMostRecentNamesake() {
        PersonCandidate hillary = candidate(0, "Hillary", "Clinton");
        PersonCandidate bill = candidate(4, "Bill", "Clinton");
        PersonCandidate after = candidate(9, "Clinton");
        group(hillary, bill, after);
        assertThat(after.entity).isSameAs(bill.entity);
    }

    @Test
    void singleWordWithoutNamesakeIsAPersonOfItsOwn() {
        PersonCandidate aliyev = candidate(5, "Aliyev");
        assertThat(group(candidate(0, "Nikol", "Pashinyan"), aliyev)).hasSize(2);
        assertThat(aliyev.entity.words).containsExactly("Aliyev");
    }

    @Test
    void firstNameAloneJoinsOnlyWhenNoSurnameMatches() {
        PersonCandidate full = candidate(0, "Greta", "Thunberg");
        PersonCandidate first = candidate(6, "Greta");
        group(full, first);
        assertThat(first.entity).isSameAs(full.entity);
    }
}

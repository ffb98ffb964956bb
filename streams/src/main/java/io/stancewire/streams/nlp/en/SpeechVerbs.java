package io.stancewire.streams.nlp.en;

import java.util.Set;

/** Lemmas of the verbs that attribute speech in English news. */
final class SpeechVerbs {
    private SpeechVerbs() {}

    /** Verbs that attribute a quotation next to them: "…," she warned. */
    static final Set<String> QUOTING = Set.of(
            "say", "tell", "add", "warn", "argue", "note", "explain", "write", "claim", "insist", "state", "remark",
            "comment", "caution", "stress", "emphasize", "emphasise", "observe", "acknowledge", "admit", "suggest",
            "predict", "reply", "respond", "continue", "conclude", "announce", "declare", "contend", "maintain",
            "assert", "recall", "describe", "tweet", "post", "complain", "concede", "counter", "mention",
            "reckon", "confirm", "deny", "point", "ask", "quip", "lament", "agree", "call", "urge", "boast",
            "elaborate", "summarize", "summarise", "flag", "highlight", "joke", "share", "testify");

    /** Verbs that introduce reported speech without marks: "X said (that) …". Narrower: no "call", "describe". */
    static final Set<String> REPORTING = Set.of(
            "say", "tell", "add", "warn", "argue", "note", "explain", "claim", "insist", "state", "stress",
            "emphasize", "emphasise", "predict", "caution", "acknowledge", "admit", "contend", "maintain", "assert",
            "announce", "write", "suggest", "confirm", "deny", "point", "concede", "flag", "highlight", "allege",
            "report", "reiterate", "signal", "estimate", "testify", "believe", "think", "expect", "fear", "worry", "urge", "agree", "advise",
            "rule", "indicate", "posit");

    /** Nouns that, as a subject ("the company said"), stand for the organisation the article is about. */
    static final Set<String> ORGANISATION_NOUNS = Set.of(
            "company", "firm", "startup", "start-up", "group", "ministry", "government", "agency", "department",
            "spokesperson", "spokesman", "spokeswoman", "representative", "lab", "laboratory", "maker",
            "chipmaker", "giant", "regulator", "administration", "office", "embassy", "commission", "bank", "fund",
            "business", "automaker", "union", "campaign", "court", "board", "university", "council");

    /**
     * Plural nouns that name a group of speakers ("economists warn …", "critics say …", "officials said …"): news
     * attributes much reported speech to them, and the evaluation counts them as sources.
     */
    static final Set<String> GROUP_NOUNS = Set.of(
            "economists", "analysts", "critics", "officials", "experts", "lawmakers", "legislators", "senators",
            "investors", "executives", "leaders", "advocates", "researchers", "scientists", "residents", "sources",
            "people", "activists", "prosecutors", "investigators", "authorities", "aides", "supporters", "opponents",
            "observers", "strategists", "members", "workers", "employees", "voters", "doctors", "lawyers",
            "attorneys", "regulators", "organizers", "organisers", "historians", "diplomats", "protesters", "police",
            "scholars", "ceos", "republicans", "democrats", "homebuilders", "manufacturers", "farmers",
            "parents", "teachers", "nurses", "students", "witnesses", "allies", "donors", "consumers", "staffers", "negotiators",
            "groups");

    /** Unnamed single sources, after "a"/"an"/"another": "a senior administration official said". */
    static final Set<String> ANONYMOUS_NOUNS = Set.of(
            "official", "source", "person", "aide", "adviser", "advisor", "staffer", "spokesperson", "spokesman",
            "spokeswoman", "lawyer", "attorney", "insider", "executive", "analyst", "economist", "expert", "diplomat",
            "investor", "professor", "researcher", "scientist", "employee", "worker", "resident", "voter", "lawmaker",
            "doctor", "teacher", "student", "witness", "neighbor", "neighbour", "member", "customer", "owner",
            "manager", "engineer", "strategist", "consultant", "organizer", "organiser", "activist", "critic", "journalist",
            "reporter", "commentator", "columnist", "observer", "judge");

    /** Documents that speak for their authors: "the earnings report stated", "according to a statement". */
    static final Set<String> DOCUMENT_NOUNS = Set.of(
            "report", "statement", "letter", "memo", "filing", "announcement", "study", "survey", "analysis", "note",
            "document", "complaint", "lawsuit", "indictment", "ruling", "email", "release", "post");

    /** Roles that, after "the" ("the former president said"), stand for a person the article already named. */
    static final Set<String> ROLE_NOUNS = Set.of(
            "president", "senator", "governor", "chair", "chairman", "chairwoman", "secretary", "minister", "judge",
            "mayor", "speaker", "congressman", "congresswoman", "ceo", "executive", "founder", "lawmaker",
            "commissioner", "ambassador", "prosecutor", "candidate", "nominee", "economist", "analyst", "author",
            "researcher", "professor", "official", "premier", "chancellor", "attorney");

    static final Set<String> PERSON_PRONOUNS = Set.of("he", "she");
    static final Set<String> OTHER_PRONOUNS = Set.of("they", "it", "we", "i");

    /** Titles written before a name ("Former Google CEO Schmidt"): part of the noun phrase, not of the name. */
    static final Set<String> TITLES = Set.of(
            "ceo", "cfo", "cto", "coo", "chief", "executive", "president", "vice", "minister", "secretary", "chairman",
            "chairwoman", "chair", "founder", "co-founder", "director", "senator", "sen.", "rep.", "representative",
            "dr.", "dr", "professor", "prof.", "mr.", "mrs.", "ms.", "former", "gov.", "governor", "general", "gen.",
            "analyst", "premier", "spokesperson", "spokesman", "spokeswoman", "lawmaker", "commissioner", "ambassador");

    /** Prepositions that put an organisation in an apposition ("a partner at DGA Group"), not in the subject. */
    static final Set<String> AFFILIATION_PREPOSITIONS = Set.of("at", "of", "for", "with", "from", "in", "by", "to", "on");
}

package io.stancewire.streams.nlp;

import io.stancewire.model.Speaker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One case per attribution pattern of English news; CoreNLP is loaded once for the class. */
class EnglishQuotesTest {
    private static ArticleAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = SharedAnalyzer.get();
    }

    private static List<FoundQuote> quotes(String text) {
        Analysis a = analyzer.analyze(text, "en");
        assertThat(a.language()).isEqualTo("en");
        return a.quotes();
    }

    private static FoundQuote only(List<FoundQuote> quotes, String kind) {
        List<FoundQuote> ofKind = quotes.stream().filter(q -> q.kind().equals(kind)).toList();
        assertThat(ofKind).hasSize(1);
        return ofKind.getFirst();
    }

    private static String speakerName(FoundQuote q) {
        return q.speaker() == null ? null : q.speaker().name();
    }

    @Test
    void directQuoteWithCurlyMarksAndSpeakerAfter() {
        String text = "Markets fell on Monday.\n"
                + "“We expect the slowdown to last well into next year,” Maria Gonzalez said on Tuesday.";
        FoundQuote q = only(quotes(text), FoundQuote.DIRECT);
        assertThat(q.text()).isEqualTo("We expect the slowdown to last well into next year,");
        assertThat(text.substring(q.begin(), q.end())).isEqualTo(q.text());
        assertThat(speakerName(q)).isEqualTo("Maria Gonzalez");
        assertThat(q.speaker().mention().text()).isEqualTo("Maria Gonzalez");
        assertThat(q.cue()).isEqualTo("said");
    }

    @Test
    void directQuoteWithStraightMarksAndSpeakerBefore() {
        String text = "The minister was blunt. Robert Hanley told reporters: \"There will be no further delays to the bridge project.\"";
        FoundQuote q = only(quotes(text), FoundQuote.DIRECT);
        assertThat(q.text()).isEqualTo("There will be no further delays to the bridge project.");
        assertThat(speakerName(q)).isEqualTo("Robert Hanley");
        assertThat(q.cue()).isEqualTo("told");
    }

    @Test
    void saidNameWithAppositionGivesAffiliationAndRole() {
        String text = "\"Chinese companies would like to see their models used outside of China,\" said Paul Triolo, "
                + "a partner at global advisory firm DGA Group.";
        FoundQuote q = only(quotes(text), FoundQuote.DIRECT);
        Speaker s = q.speaker();
        assertThat(s.name()).isEqualTo("Paul Triolo");
        assertThat(s.affiliation()).isEqualTo("DGA Group");
        assertThat(s.role()).contains("partner");
    }

    @Test
    void appositionOfAPersonOutsideTheRegistry() {
        String text = "\"The rules were written for a different era,\" said Helen Okafor, a senior fellow at the Brookings Institution.";
        Speaker s = only(quotes(text), FoundQuote.DIRECT).speaker();
        assertThat(s.name()).isEqualTo("Helen Okafor");
        assertThat(s.affiliation()).contains("Brookings Institution");
        assertThat(s.role()).isEqualTo("senior fellow");
        assertThat(s.id()).isNotBlank();
    }

    @Test
    void quoteOverSeveralParagraphsIsOneQuote() {
        String text = "Grace Isford, a partner at Lux Capital, said the market had changed.\n"
                + "\"In the past year, we have seen a rise in open-source Chinese contributions to AI, with really strong performance.\n"
                + "\"If you assume these frontier base AI models are table stakes, it's about what these models are used for.\"\n"
                + "Shares of chipmakers rose.";
        List<FoundQuote> found = quotes(text).stream().filter(q -> !q.kind().equals(FoundQuote.INDIRECT)).toList();
        assertThat(found).hasSize(1);
        FoundQuote q = found.getFirst();
        assertThat(q.text()).startsWith("In the past year").endsWith("what these models are used for.")
                .doesNotContain("\"");
        assertThat(text.charAt(q.begin() - 1)).isEqualTo('"');
        assertThat(text.charAt(q.end())).isEqualTo('"');
        assertThat(speakerName(q)).isEqualTo("Grace Isford");
    }

    @Test
    void partialQuoteInsideParaphrase() {
        String text = "Tiezhen Wang is a machine learning engineer at Hugging Face. "
                + "Wang added that Qwen has a \"highly favorable licensing model\" that suits companies.";
        FoundQuote q = only(quotes(text), FoundQuote.PARTIAL);
        // The attributed content is the reported clause with its quoted words, as the evaluation's gold has it.
        assertThat(q.text()).isEqualTo("Qwen has a \"highly favorable licensing model\" that suits companies");
        assertThat(text.substring(q.begin(), q.end())).isEqualTo(q.text());
        assertThat(speakerName(q)).isEqualTo("Tiezhen Wang");
        assertThat(q.cue()).isEqualTo("added");
    }

    @Test
    void splitQuoteIsJoined() {
        String text = "\"The gap in advanced hardware will widen,\" Triolo said, \"especially next year when the new systems ship.\"";
        List<FoundQuote> found = quotes(text);
        assertThat(found).hasSize(1);
        FoundQuote q = found.getFirst();
        assertThat(q.kind()).isEqualTo(FoundQuote.DIRECT);
        assertThat(q.begin()).isEqualTo(1);
        assertThat(q.end()).isEqualTo(text.length() - 1);
        assertThat(q.text()).isEqualTo("The gap in advanced hardware will widen, especially next year when the new systems ship.");
        assertThat(speakerName(q)).isEqualTo("Triolo");
    }

    @Test
    void reportedSpeechWithSaidThat() {
        String text = "Ahmed Raza said that the central bank would cut interest rates before the end of the year.";
        FoundQuote q = only(quotes(text), FoundQuote.INDIRECT);
        assertThat(q.text()).isEqualTo("the central bank would cut interest rates before the end of the year");
        assertThat(speakerName(q)).isEqualTo("Ahmed Raza");
        assertThat(q.cue()).isEqualTo("said");
    }

    @Test
    void reportedSpeechWithAccordingTo() {
        String text = "Chinese models are the most downloaded on the platform, according to Tiezhen Wang, a machine learning engineer.";
        FoundQuote q = only(quotes(text), FoundQuote.INDIRECT);
        assertThat(q.text()).isEqualTo("Chinese models are the most downloaded on the platform");
        assertThat(speakerName(q)).isEqualTo("Tiezhen Wang");
        assertThat(q.cue()).isEqualTo("according to");
    }

    @Test
    void reportedSpeechWithToldAndWarned() {
        String text = "Xin Sun told CNBC the companies see large language models as the centre of future tech ecosystems.\n"
                + "Sun warned that export controls could slow the training of the largest models.";
        List<FoundQuote> found = quotes(text);
        assertThat(found).extracting(FoundQuote::kind).containsOnly(FoundQuote.INDIRECT);
        assertThat(found).extracting(FoundQuote::cue).containsExactly("told", "warned");
        assertThat(found.get(0).text()).startsWith("the companies see");
        assertThat(found).extracting(EnglishQuotesTest::speakerName).containsExactly("Xin Sun", "Xin Sun");
        assertThat(found.get(1).speaker().mention().text()).isEqualTo("Sun");
    }

    @Test
    void pronounResolvesToTheNearestPrecedingPerson() {
        String text = "Laura Chen runs the lab at Tsinghua University.\n"
                + "\"Our models are trained on a tenth of the compute,\" she said.";
        FoundQuote q = only(quotes(text), FoundQuote.DIRECT);
        assertThat(speakerName(q)).isEqualTo("Laura Chen");
        assertThat(q.speaker().mention().text()).isEqualTo("she");
    }

    @Test
    void pronounSkipsPeopleOfTheOtherGender() {
        String text = "Claire McCaskill questioned the nominee picked by Donald Trump.\n"
                + "\"I have serious doubts about the contracting record of this department,\" she said.";
        FoundQuote q = only(quotes(text), FoundQuote.DIRECT);
        assertThat(speakerName(q)).isEqualTo("Claire McCaskill");
    }

    @Test
    void pronounContinuesTheSpeakerOverAPersonMentionedInPassing() {
        String text = "Scott Taylor said the result was a referendum on the divisive rhetoric of President Donald Trump.\n"
                + "\"You have to give credit where credit is due, Democrats showed up last night,\" he said.";
        List<FoundQuote> found = quotes(text);
        FoundQuote q = only(found, FoundQuote.DIRECT);
        assertThat(speakerName(q)).isEqualTo("Scott Taylor");
        assertThat(q.speaker().mention().text()).isEqualTo("he");
    }

    @Test
    void theyIsNotGuessed() {
        String text = "The jurors met Acme Corp lawyers on Monday.\n"
                + "\"We need more time to consider all of the evidence in this case,\" they said.";
        FoundQuote q = only(quotes(text), FoundQuote.DIRECT);
        assertThat(q.speaker()).isNull();
    }

    @Test
    void surnameResolvesToTheFullNameIntroducedEarlier() {
        String text = "David Okonkwo, an analyst at Bernstein, has covered the sector for a decade.\n"
                + "\"Nobody expected the prices to fall this quickly,\" Okonkwo said.";
        FoundQuote q = only(quotes(text), FoundQuote.DIRECT);
        assertThat(speakerName(q)).isEqualTo("David Okonkwo");
        assertThat(q.speaker().mention().text()).isEqualTo("Okonkwo");
    }

    @Test
    void organisationSpeakerFromTheCompanySaid() {
        String text = "Nvidia reported record revenue on Wednesday.\n"
                + "\"We will continue to comply with all applicable export regulations,\" the company said in a statement.";
        FoundQuote q = only(quotes(text), FoundQuote.DIRECT);
        assertThat(speakerName(q)).isEqualTo("Nvidia");
        assertThat(q.speaker().type()).isEqualTo("ORGANIZATION");
    }

    @Test
    void clauseFinalAttributionKeepsTheDeterminerOutOfTheContent() {
        String text = "The Congressional Budget Office published its estimate on Wednesday.\n"
                + "Four million more people would be uninsured by 2019 as a result of the repeal, the CBO said.";
        FoundQuote q = only(quotes(text), FoundQuote.INDIRECT);
        assertThat(q.text()).isEqualTo("Four million more people would be uninsured by 2019 as a result of the repeal");
        assertThat(speakerName(q)).isEqualTo("CBO");
    }

    @Test
    void headlinesAreNotReportedSpeech() {
        assertThat(quotes("Hannity Announces Fox Has Hired Sebastian Gorka As National Security Strategist")).isEmpty();
    }

    @Test
    void scareQuotesAndTitlesAreNotQuotes() {
        String text = "The so-called \"open-weight\" models spread quickly. "
                + "The documentary \"The Race For Artificial Intelligence\" premiered in Beijing on Friday.";
        assertThat(quotes(text)).isEmpty();
    }

    @Test
    void germanIsRoutedWithoutQuotes() {
        String text = "Die chinesische Regierung investiert massiv in künstliche Intelligenz. "
                + "„Wir werden die Führung übernehmen“, sagte der Minister am Montag in Peking vor Journalisten.";
        Analysis a = analyzer.analyze(text, "en");
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.quotes()).isEmpty();
    }

    @Test
    void emptyAndOddTextGiveAnAnalysisNotAnException() {
        assertThat(analyzer.analyze("", null)).isEqualTo(Analysis.empty());
        assertThat(analyzer.analyze(null, null).quotes()).isEmpty();
        assertThat(analyzer.analyze("\"\"\"\" “ ” \n\n\" «", null).quotes()).isEmpty();
        Analysis odd = analyzer.analyze("He said: \"unterminated quote that never closes\nand more \u0000 \uD83D\uDE00 text.", "en");
        assertThat(odd.language()).isNotBlank();
        assertThat(analyzer.analyze("12345 67 89", null).language()).isNotNull();
    }

    @Test
    void entitiesHaveDeterministicIdsAndMentions() {
        String text = "Paul Triolo, a partner at DGA Group, spoke in Washington. Triolo said the rules would tighten.";
        Analysis a = analyzer.analyze(text, null);
        Analysis again = analyzer.analyze(text, null);
        assertThat(a.entities()).isEqualTo(again.entities());
        assertThat(a.entities()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("Paul Triolo");
            assertThat(e.type()).isEqualTo("PERSON");
            assertThat(e.mentions()).extracting(m -> m.text()).containsExactly("Paul Triolo", "Triolo");
        });
        assertThat(a.entities()).anySatisfy(e -> assertThat(e.name()).isEqualTo("Washington"));
    }

    @Test
    void quotedWordsInsideReportedSpeechMakeOnePartialQuoteOfTheClause() {
        String text = "Trump said he has not “recalibrated” his campaign despite facing a new opponent.";
        List<FoundQuote> found = quotes(text);
        assertThat(found).hasSize(1);
        FoundQuote q = found.getFirst();
        assertThat(q.kind()).isEqualTo(FoundQuote.PARTIAL);
        assertThat(q.text()).isEqualTo("he has not “recalibrated” his campaign despite facing a new opponent");
        assertThat(speakerName(q)).isEqualTo("Trump");
    }

    @Test
    void twoSentencesWithTwoSpeakersAreNotOneSplitQuote() {
        String text = "“Tariffs are leading to higher inflation,” said Mark Zandi. Libby Cantrill explained, "
                + "“We do think that consumers will ultimately pay at least some of this tariff.”";
        List<FoundQuote> found = quotes(text);
        assertThat(found).extracting(FoundQuote::kind).containsExactly(FoundQuote.DIRECT, FoundQuote.DIRECT);
        assertThat(found).extracting(EnglishQuotesTest::speakerName).containsExactly("Mark Zandi", "Libby Cantrill");
    }

    @Test
    void groupsAreSourcesOfReportedSpeech() {
        String text = "In the meantime, economists warn U.S. consumers will pay more for imported goods.";
        FoundQuote q = only(quotes(text), FoundQuote.INDIRECT);
        assertThat(q.text()).isEqualTo("U.S. consumers will pay more for imported goods");
        assertThat(q.speaker().mention().text()).isEqualTo("economists");
        assertThat(q.speaker().id()).isNull();
    }

    @Test
    void postposedSpeakerOfAClauseWithQuotedWords() {
        String text = "U.S. companies “are really living, it seems, permanently in uncertainty city,” as tariff policy "
                + "looms large over businesses, said James Pethokoukis, economic policy analyst at American Enterprise Institute.";
        FoundQuote q = only(quotes(text), FoundQuote.PARTIAL);
        assertThat(q.begin()).isZero();
        assertThat(q.text()).endsWith("looms large over businesses");
        assertThat(speakerName(q)).isEqualTo("James Pethokoukis");
    }

    @Test
    void aShowTitleInMarksIsNotAQuote() {
        String text = "Appearing on CBS's \"Face the Nation,\" Johnson said the House passed a bill to fund the government.";
        FoundQuote q = only(quotes(text), FoundQuote.INDIRECT);
        assertThat(q.text()).isEqualTo("the House passed a bill to fund the government");
        assertThat(speakerName(q)).isEqualTo("Johnson");
        assertThat(quotes(text)).hasSize(1);
    }

    @Test
    void aGerundAfterTheQuoteAddsReportedSpeechOfTheSameSpeaker() {
        String text = "American Airlines CEO Robert Isom stated, “We don’t know what is going to happen,” adding that "
                + "this uncertainty could lead to reduced hiring and investment.";
        List<FoundQuote> found = quotes(text);
        assertThat(found).extracting(FoundQuote::kind).containsExactly(FoundQuote.DIRECT, FoundQuote.INDIRECT);
        assertThat(found.get(1).text()).isEqualTo("this uncertainty could lead to reduced hiring and investment");
        assertThat(found).extracting(EnglishQuotesTest::speakerName).containsOnly("Robert Isom");
    }

    @Test
    void unnamedSourcesAndTheirTheySpeak() {
        String text = "“It’s all about CNN,” said one person with direct knowledge of the talks.\n"
                + "Officials said the review would take months. They added that no decision had been made on the merger.";
        List<FoundQuote> found = quotes(text);
        assertThat(found).extracting(q -> q.speaker().mention().text()).containsExactly("person", "Officials", "They");
        assertThat(found.get(2).text()).isEqualTo("no decision had been made on the merger");
        assertThat(found.get(2).speaker().name()).isEqualTo("Officials");
    }
}

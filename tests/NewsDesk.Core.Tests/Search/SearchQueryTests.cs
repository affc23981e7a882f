using NewsDesk.Core.Search;

namespace NewsDesk.Core.Tests.Search;

public sealed class SearchQueryTests
{
    private static SearchQuery Parse(string text)
    {
        Assert.True(SearchQuery.TryParse(text, out var query, out var error), error);
        return query;
    }

    [Fact]
    public void Words_phrases_exclusions_prefixes_and_OR_are_understood()
    {
        var query = Parse("\"coast guard\" senkaku -drill submar* OR destroyer");

        Assert.Equal(3, query.Required.Count);
        Assert.Equal(["coast", "guard"], query.Required[0].Single().Words);
        Assert.Equal(["senkaku"], query.Required[1].Single().Words);
        Assert.Equal([["submar"], ["destroyer"]], query.Required[2].Select(t => t.Words));
        Assert.True(query.Required[2][0].Prefix);
        Assert.Equal(["drill"], query.Excluded.Single().Words);
    }

    [Fact]
    public void Punctuation_inside_a_word_makes_a_phrase_and_case_and_scripts_are_kept_as_words()
    {
        var query = Parse("H-6K China's 日本 Đà-Nẵng");

        Assert.Equal(["h", "6k"], query.Required[0].Single().Words);
        Assert.Equal(["china", "s"], query.Required[1].Single().Words);
        Assert.Equal(["日本"], query.Required[2].Single().Words);
        Assert.Equal(["đà", "nẵng"], query.Required[3].Single().Words);
    }

    [Theory]
    [InlineData("", "Type one or more words to search for.")]
    [InlineData("   ", "Type one or more words to search for.")]
    [InlineData("\"coast guard", "A quotation mark is not closed. Put phrases between a pair of quotation marks, like \"coast guard\".")]
    [InlineData("-china -japan", "Add a word to search for: a search cannot only exclude words.")]
    [InlineData("*** ???", "There is nothing to search for in that text: use letters or numbers.")]
    [InlineData("a b c d e f g h i j k l m n o p q", "That search has too many words: use at most 16.")]
    public void Empty_and_malformed_queries_say_what_to_change(string text, string message)
    {
        Assert.False(SearchQuery.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void A_query_over_the_length_limit_is_refused()
    {
        Assert.False(SearchQuery.TryParse(new string('a', SearchQuery.MaxLength + 1), out _, out var error));
        Assert.Equal("That search is too long: keep it under 200 characters.", error);
    }

    [Fact]
    public void Engine_syntax_is_quoted_away_in_the_FTS5_expression()
    {
        var fts = SqliteArticleSearch.ToFts5(Parse("NEAR(china japan) AND col:x ^start OR"));

        Assert.Equal("\"near china\" AND \"japan\" AND \"and\" AND \"col x\" AND \"start\"", fts);
    }

    [Fact]
    public void Exclusions_and_alternatives_become_NOT_and_OR_groups()
    {
        Assert.Equal("(\"coast guard\" AND (\"submar\"* OR \"destroyer\")) NOT (\"drill\")", SqliteArticleSearch.ToFts5(Parse("\"coast guard\" submar* OR destroyer -drill")));
    }

    [Fact]
    public void Weightless_groups_leave_the_ranked_query_for_a_filter_unless_nothing_would_be_left()
    {
        var query = Parse("the frigate OR corvette said -drill");

        var split = SqliteArticleSearch.SplitWeightless(query, [true, false, true]);

        const string rank = "((\"frigate\" OR \"corvette\")) NOT (\"drill\")";
        Assert.Equal((rank, "(" + rank + ") NOT (\"the\" AND \"said\")"), split);
        Assert.Null(SqliteArticleSearch.SplitWeightless(query, [false, false, false]));
        Assert.Null(SqliteArticleSearch.SplitWeightless(query, [true, true, true]));
    }

    [Fact]
    public void Snippets_lose_their_Markdown_but_keep_the_match_markers()
    {
        var text = NewsDesk.Core.Text.MarkdownText.Plain("## Heading\n**Two \u0002bombers\u0003** flew, [the ministry](https://mod.example/x) said");

        Assert.Equal("Heading Two \u0002bombers\u0003 flew, the ministry said", text);
    }
}

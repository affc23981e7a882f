using NewsDesk.Ingest.PlainText;
using NewsDesk.TestSupport;

namespace NewsDesk.Ingest.Tests.PlainText;

public sealed class PlainTextArticleParserTests
{
    private static readonly DateTime FileTime = new(2022, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void The_seed_article_is_read_completely()
    {
        var article = PlainTextArticleParser.Parse(File.ReadAllText(Repository.SeedFile), FileTime);

        Assert.Equal("Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression", article.Headline);
        Assert.StartsWith("Japan's Defense Minister Nobuo Kishi told reporters", article.Standfirst, StringComparison.Ordinal);
        Assert.Equal("Zaini Majeed", article.Byline);
        Assert.Equal("AP", article.ImageCredit);
        Assert.Equal(new DateTime(2021, 11, 24, 7, 53, 0, DateTimeKind.Utc), article.PublishedAt);
        Assert.Equal(new DateTime(2021, 11, 24, 7, 53, 0, DateTimeKind.Utc), article.UpdatedAt);
        Assert.Contains("\n\n## Japan officially recognises China as 'threat' to its cybersecurity\n\n", article.Body, StringComparison.Ordinal);
        Assert.StartsWith("Japan and Vietnam on Tuesday, Nov 23 signed", article.Body, StringComparison.Ordinal);
        Assert.EndsWith("defence capability in cyberspace.", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Published", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain('\u00A0', article.Body);
        Assert.Equal(6, article.Body.Split("\n\n").Length);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_change_nothing()
    {
        var unix = PlainTextArticleParser.Parse(File.ReadAllText(Repository.SeedFile), FileTime);
        var windows = PlainTextArticleParser.Parse("\uFEFF" + File.ReadAllText(Repository.SeedFile).ReplaceLineEndings("\r\n"), FileTime);

        Assert.Equal(unix, windows);
    }

    [Fact]
    public void Without_published_or_updated_lines_the_file_time_is_the_published_time()
    {
        var article = PlainTextArticleParser.Parse(
            """
            Coast guard vessels enter Senkaku waters

            Reported by: A. Reporter

            Four vessels entered the contiguous zone on Monday.
            """,
            FileTime);

        Assert.Equal(FileTime, article.PublishedAt);
        Assert.Null(article.UpdatedAt);
        Assert.Null(article.Standfirst);
        Assert.Equal("A. Reporter", article.Byline);
    }

    [Fact]
    public void An_updated_line_alone_gives_the_published_time()
    {
        var article = PlainTextArticleParser.Parse(
            """
            Updated Jan 5th, 2024 at 09:00 IST

            Headline

            Body text.
            """);

        var expected = new DateTime(2024, 1, 5, 3, 30, 0, DateTimeKind.Utc);
        Assert.Equal(expected, article.PublishedAt);
        Assert.Equal(expected, article.UpdatedAt);
    }

    [Fact]
    public void A_published_line_wins_over_the_updated_line()
    {
        var article = PlainTextArticleParser.Parse(
            """
            Updated March 2nd, 2023 at 23:45 IST

            Headline

            Body text.

            Published March 1st, 2023 at 00:15 IST
            """);

        Assert.Equal(new DateTime(2023, 2, 28, 18, 45, 0, DateTimeKind.Utc), article.PublishedAt);
        Assert.Equal(new DateTime(2023, 3, 2, 18, 15, 0, DateTimeKind.Utc), article.UpdatedAt);
        Assert.Equal("Body text.", article.Body);
    }

    [Fact]
    public void Without_byline_or_image_lines_every_paragraph_is_body()
    {
        var article = PlainTextArticleParser.Parse(
            """
            Headline

            First paragraph.

            Second paragraph.
            """);

        Assert.Null(article.Standfirst);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", article.Body);
    }

    [Fact]
    public void Advertisement_lines_are_dropped_wherever_they_stand()
    {
        var article = PlainTextArticleParser.Parse(
            """
            Advertisement
            Headline

            Reported by: Someone
            Advertisement

            One.
            Advertisement

            Advertisement

            Two.
            """);

        Assert.Equal("Headline", article.Headline);
        Assert.Equal("One.\n\nTwo.", article.Body);
    }

    [Theory]
    [InlineData("A short line without a full stop", true)]
    [InlineData("A short line that ends a sentence.", false)]
    [InlineData("Is this a question?", false)]
    [InlineData("He said: “we will respond”", false)]
    [InlineData("Quoted 'threat'", false)]
    [InlineData("Note:", false)]
    public void Only_short_unpunctuated_lines_between_paragraphs_become_subheadings(string line, bool heading)
    {
        var article = PlainTextArticleParser.Parse($"Headline\n\nFirst.\n\n{line}\n\nLast.");

        Assert.Equal(heading, article.Body.Contains("## ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_unpunctuated_line_stays_a_paragraph()
    {
        var line = string.Join(' ', Enumerable.Repeat("word", 30));
        var article = PlainTextArticleParser.Parse($"Headline\n\nFirst.\n\n{line}\n\nLast.");

        Assert.DoesNotContain("##", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_and_last_paragraphs_are_never_subheadings()
    {
        var article = PlainTextArticleParser.Parse("Headline\n\nNo stop here\n\nMiddle.\n\nNor here");

        Assert.DoesNotContain("##", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_characters_in_the_text_stay_literal()
    {
        var article = PlainTextArticleParser.Parse("Headline\n\n# not a heading *not bold* [not](a link) <b>\n\n1. not a list.");

        Assert.Equal("\\# not a heading \\*not bold\\* \\[not\\](a link) \\<b\\>\n\n1\\. not a list.", article.Body);
    }

    [Theory]
    [InlineData("", "no headline")]
    [InlineData("   \n\n \u00A0 \n", "no headline")]
    [InlineData("Advertisement\n\nAdvertisement", "no headline")]
    [InlineData("Only a headline", "no body")]
    [InlineData("Updated November 24th, 2021 at 13:23 IST\n\nHeadline\n\nReported by: X", "no body")]
    public void Text_that_is_not_an_article_is_refused_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<ArticleFormatException>(() => PlainTextArticleParser.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_content_is_refused()
    {
        var error = Assert.Throws<ArticleFormatException>(() => PlainTextArticleParser.Parse("PK\u0003\u0004\0\0binary"));

        Assert.Contains("not a text file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_line_too_long_for_a_headline_is_refused()
    {
        var error = Assert.Throws<ArticleFormatException>(() => PlainTextArticleParser.Parse(new string('x', 600) + "\n\nBody."));

        Assert.Contains("too long for a headline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impossible_date_is_not_taken_as_a_date_line()
    {
        var article = PlainTextArticleParser.Parse("Updated February 30th, 2023 at 10:00 IST\n\nBody follows.", FileTime);

        Assert.Equal("Updated February 30th, 2023 at 10:00 IST", article.Headline);
        Assert.Equal(FileTime, article.PublishedAt);
    }
}

using NewsDesk.Core.Articles;
using NewsDesk.Core.Text;

namespace NewsDesk.Core.Tests.Text;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n")]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u202E\u200D\u00AD")] // right-to-left override, zero-width joiner, soft hyphen
    [InlineData("\u2066 \u2069\u3000")] // isolates and an ideographic space
    public void Nothing_that_shows_is_blank(string? text) => Assert.True(VisibleText.IsBlank(text));

    [Theory]
    [InlineData("x")]
    [InlineData("\u200B7")]
    [InlineData("עברית")]
    [InlineData("…")]
    [InlineData("🛰")]
    public void A_letter_digit_mark_or_symbol_shows(string text) => Assert.False(VisibleText.IsBlank(text));

    [Fact]
    public void The_editor_refuses_a_headline_of_invisible_characters()
    {
        var errors = new StoryFields("\u200B\u202E", null, null, null, null, null, null, "Body.").Validate();

        Assert.StartsWith("A headline is required", errors[nameof(StoryFields.Headline)], StringComparison.Ordinal);
    }
}

using NewsDesk.Core.Text;

namespace NewsDesk.Core.Tests.Text;

public sealed class SlugsTests
{
    [Fact]
    public void The_seed_headline_becomes_the_documented_slug()
    {
        var slug = Slugs.From("Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression");

        Assert.Equal("japan-vietnam-sign-defense-and-cyberspace-cooperation-to-counter-chinas-aggression", slug);
    }

    [Theory]
    [InlineData("China’s curly apostrophe", "chinas-curly-apostrophe")]
    [InlineData("  Spaces -- and   dashes  ", "spaces-and-dashes")]
    [InlineData("Phan Văn Giang và Đà Nẵng", "phan-van-giang-va-da-nang")]
    [InlineData("Москва и Киев", "moskva-i-kiev")]
    [InlineData("H-6 & Tu-95: 100% sure?", "h-6-tu-95-100-sure")]
    [InlineData("Zürich Straße", "zurich-strasse")]
    public void Text_is_folded_to_lower_case_ascii_words_joined_by_dashes(string text, string expected)
    {
        Assert.Equal(expected, Slugs.From(text));
    }

    [Fact]
    public void Scripts_without_latin_letters_are_transliterated_rather_than_dropped()
    {
        var slug = Slugs.From("钓鱼岛");

        Assert.NotEmpty(slug);
        Assert.Matches("^[a-z0-9-]+$", slug);
    }

    [Fact]
    public void Punctuation_only_text_gives_an_empty_slug()
    {
        Assert.Equal("", Slugs.From("?!… —"));
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_boundary_within_the_limit()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("defence", 30)), maxLength: 50);

        Assert.True(slug.Length <= 50);
        Assert.EndsWith("defence", slug, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suffix_keeps_the_slug_within_the_limit()
    {
        var slug = Slugs.WithSuffix(new string('a', 100), 12, maxLength: 100);

        Assert.Equal(100, slug.Length);
        Assert.EndsWith("-12", slug, StringComparison.Ordinal);
    }
}

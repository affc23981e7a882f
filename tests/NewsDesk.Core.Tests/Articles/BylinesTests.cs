using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Tests.Articles;

public sealed class BylinesTests
{
    [Theory]
    [InlineData("Zaini Majeed", "|zaini-majeed|")]
    [InlineData("By Jane Doe, John Smith and Ana Lima", "|jane-doe|john-smith|ana-lima|")]
    [InlineData("Reported by: Nguyễn Thị Mai & Kim Min-jun", "|nguyen-thi-mai|kim-min-jun|")]
    [InlineData("Jane Doe and Jane Doe", "|jane-doe|")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void A_byline_names_its_authors(string? byline, string? keys)
    {
        Assert.Equal(keys, Bylines.Keys(byline));
        Assert.Equal(keys, new Article("s", "h", "b", ArticleStatus.Draft, DateTime.UtcNow) { Byline = byline }.AuthorKeys);
    }
}

using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Core.Curation;

/// <summary>A story an editor placed at the top of a region's (or topic's, or tag's) page, in <see cref="Position"/> order.</summary>
public sealed class FeaturedStory : Content.IPublicContent
{
    public int TermId { get; set; }

    public Term Term { get; set; } = null!;

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    /// <summary>1 first.</summary>
    public int Position { get; set; }

    public DateTime FeaturedAt { get; set; }
}

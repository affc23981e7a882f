using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Core.Articles;

/// <summary>Links an article to a region, topic or tag, with the tagger's score and the editor's decision.</summary>
public sealed class ArticleTerm : Content.IPublicContent
{
    /// <summary>Automatic suggestions at or above this score are shown to readers until an editor decides.</summary>
    public const double PublicScoreThreshold = 0.5;

    /// <summary>Links readers see: accepted by an editor, or suggested with enough confidence and not rejected.</summary>
    public static System.Linq.Expressions.Expression<Func<ArticleTerm, bool>> IsPublic { get; } =
        l => l.Decision == LinkDecision.Accepted || (l.Decision == LinkDecision.None && l.Score >= PublicScoreThreshold);

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public int TermId { get; set; }

    public Term Term { get; set; } = null!;

    /// <summary>Confidence in [0, 1]; 1 for links an editor added.</summary>
    public double Score { get; set; }

    public LinkOrigin Origin { get; set; }

    /// <summary>An editor's accept or reject; automatic re-tagging never overwrites it.</summary>
    public LinkDecision Decision { get; set; }

    /// <summary>The tagger's evidence spans as JSON (text, start, end), for the desk's tag panel.</summary>
    public string? Evidence { get; set; }
}

public enum LinkOrigin
{
    Auto,
    Editor,
}

public enum LinkDecision
{
    None,
    Accepted,
    Rejected,
}

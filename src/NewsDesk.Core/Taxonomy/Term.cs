using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// Something an article can be filed under: a <see cref="Region"/>, a <see cref="Topic"/> or a <see cref="Tag"/>.
/// They share one table so curation (rename, merge, aliases, retire) is written once.
/// </summary>
public abstract class Term : Content.IPublicContent
{
    protected Term(string slug, string name)
    {
        Slug = slug;
        Name = name;
    }

    public int Id { get; private set; }

    /// <summary>Stable identity of a built-in term ("country:JP", "m49:030", "topic:cyber-security"),
    /// so re-syncing the built-in taxonomy never duplicates or undoes an admin's rename. Null for terms admins add.</summary>
    public string? Key { get; set; }

    /// <summary>URL name, unique within the term's type.</summary>
    public string Slug { get; set; }

    public string Name { get; set; }

    public string? Description { get; set; }

    public DateTime? RetiredAt { get; set; }

    /// <summary>Set when an admin merged this term into another; its links moved there.</summary>
    public int? MergedIntoId { get; set; }

    public ICollection<TermAlias> Aliases { get; } = [];

    public ICollection<ArticleTerm> Articles { get; } = [];

    public TermType Type { get; private set; }
}

public enum TermType
{
    Region,
    Topic,
    Tag,
}

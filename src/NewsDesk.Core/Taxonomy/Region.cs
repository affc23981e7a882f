namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// A place in the UN M49 hierarchy (world → continent → sub-region → intermediate region → country → subdivision),
/// or a theatre or disputed territory that spans countries.
/// </summary>
public sealed class Region : Term
{
    public Region(string slug, string name, RegionKind kind)
        : base(slug, name)
    {
        Kind = kind;
    }

    public RegionKind Kind { get; set; }

    public int? ParentId { get; private set; }

    public Region? Parent { get; private set; }

    public ICollection<Region> Children { get; } = [];

    /// <summary>Materialised path of ancestor ids, "/1/142/30/", so a region's whole subtree is one indexed prefix query.</summary>
    public string Path { get; private set; } = "/";

    /// <summary>ISO 3166-1 alpha-2 for countries, ISO 3166-2 for subdivisions.</summary>
    public string? IsoCode { get; set; }

    /// <summary>ISO 3166-1 numeric (countries) or UN M49 code (regions); matches world-atlas ids.</summary>
    public string? NumericCode { get; set; }

    /// <summary>Countries a theatre or disputed territory involves.</summary>
    public ICollection<RegionInvolvement> Involvements { get; } = [];

    /// <summary>Places this region under <paramref name="parent"/>. Paths of existing descendants are the caller's to rewrite.</summary>
    public void MoveUnder(Region? parent)
    {
        if (parent is not null && (parent == this || (Id != 0 && parent.Path.Contains($"/{Id}/", StringComparison.Ordinal))))
        {
            throw new InvalidOperationException($"'{Name}' cannot be placed under its own descendant '{parent.Name}'.");
        }

        Parent = parent;
        ParentId = parent?.Id;
    }

    /// <summary>Recomputes <see cref="Path"/> from the parent's; call once ids are assigned.</summary>
    public void RefreshPath() => Path = (Parent?.Path ?? "/") + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
}

public enum RegionKind
{
    World,
    Continent,
    Subregion,
    IntermediateRegion,
    Country,
    Subdivision,
    Theatre,
    DisputedTerritory,
}

/// <summary>A country involved in a theatre or a disputed territory (Senkaku Islands → Japan, China, Taiwan).</summary>
public sealed class RegionInvolvement : Content.IPublicContent
{
    public int RegionId { get; set; }

    public Region Region { get; set; } = null!;

    public int CountryId { get; set; }

    public Region Country { get; set; } = null!;
}

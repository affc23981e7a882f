using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Core.FrontPage;

/// <summary>
/// The desk's choice for the front page: the one pinned top story (<see cref="FrontPageSlot.Top"/>, no region),
/// or a story featured on a region's section (<see cref="FrontPageSlot.Featured"/>), in <see cref="Position"/> order.
/// Only published stories are shown; a pick whose story is unpublished simply drops out until it is back.
/// </summary>
public sealed class FrontPagePick : Content.IPublicContent
{
    public int Id { get; private set; }

    public FrontPageSlot Slot { get; set; }

    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public int Position { get; set; }

    public DateTime PickedAt { get; set; }

    public string? PickedBy { get; set; }
}

public enum FrontPageSlot
{
    Top,
    Featured,
}

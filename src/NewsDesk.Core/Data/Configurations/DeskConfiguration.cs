using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.FrontPage;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class FrontPagePickConfiguration : IEntityTypeConfiguration<FrontPagePick>
{
    public void Configure(EntityTypeBuilder<FrontPagePick> builder)
    {
        builder.HasOne(p => p.Article).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Region).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.Slot, p.RegionId, p.Position });
        builder.Property(p => p.PickedBy).HasMaxLength(256);
    }
}

internal sealed class RetagJobConfiguration : IEntityTypeConfiguration<RetagJob>
{
    public void Configure(EntityTypeBuilder<RetagJob> builder)
    {
        builder.HasIndex(j => j.State);
        builder.Property(j => j.RequestedBy).HasMaxLength(256);
        // A save by an instance whose lease was taken over (or a cancelled job) is refused.
        builder.Property(j => j.LeaseOwner).HasMaxLength(200).IsConcurrencyToken();
        builder.Property(j => j.State).IsConcurrencyToken();
        builder.Property(j => j.Error).HasMaxLength(2000);
    }
}

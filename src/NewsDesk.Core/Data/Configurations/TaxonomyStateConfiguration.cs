using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class TaxonomyStateConfiguration : IEntityTypeConfiguration<TaxonomyState>
{
    public void Configure(EntityTypeBuilder<TaxonomyState> builder)
    {
        builder.ToTable("TaxonomyState");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.BuiltInVersion).HasMaxLength(64);
        // The row exists from the first migration on, so the stamp can always be updated in place.
        builder.HasData(new TaxonomyState { Id = TaxonomyState.SingletonId, Stamp = new Guid("5e1ec7ed-0000-4000-8000-000000000001") });
    }
}

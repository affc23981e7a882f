using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> builder)
    {
        builder.ToTable("Terms");
        builder.HasDiscriminator(t => t.Type)
            .HasValue<Region>(TermType.Region)
            .HasValue<Topic>(TermType.Topic)
            .HasValue<Tag>(TermType.Tag);
        builder.Property(t => t.Key).HasMaxLength(100);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(120);
        builder.HasIndex(t => new { t.Type, t.Slug }).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(2000);
        builder.HasOne<Term>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Kind).HasColumnName("RegionKind");
        builder.HasOne(r => r.Parent).WithMany(r => r.Children).HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Path).HasMaxLength(400);
        builder.HasIndex(r => r.Path);
        builder.Property(r => r.IsoCode).HasMaxLength(10);
        builder.Property(r => r.NumericCode).HasMaxLength(10);
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.IptcCode).HasMaxLength(40);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Kind).HasColumnName("TagKind");
    }
}

internal sealed class TermAliasConfiguration : IEntityTypeConfiguration<TermAlias>
{
    public void Configure(EntityTypeBuilder<TermAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasOne(a => a.Term).WithMany(t => t.Aliases).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TermId, a.Name }).IsUnique();
    }
}

internal sealed class RegionInvolvementConfiguration : IEntityTypeConfiguration<RegionInvolvement>
{
    public void Configure(EntityTypeBuilder<RegionInvolvement> builder)
    {
        builder.HasKey(i => new { i.RegionId, i.CountryId });
        builder.HasOne(i => i.Region).WithMany(r => r.Involvements).HasForeignKey(i => i.RegionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Country).WithMany().HasForeignKey(i => i.CountryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.Property(r => r.FromSlug).HasMaxLength(120);
        builder.HasIndex(r => new { r.Kind, r.FromSlug }).IsUnique();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Locations;

namespace Onboarding.Core.Data.Configurations;

internal sealed class MarketCardConfiguration : IEntityTypeConfiguration<MarketCard>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<MarketCard> e)
    {
        // One card per location, gone with it: a card describes its location's market and nothing else.
        e.HasOne(x => x.Location).WithOne().HasForeignKey<MarketCard>(x => x.LocationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.LocationId).IsUnique();
        e.Property(x => x.SalaryRanges).HasConversion(Serialise<SalaryRange>(), Compare<SalaryRange>());
        e.Property(x => x.NoticePeriods).HasConversion(Serialise<NoticePeriod>(), Compare<NoticePeriod>());
        e.Property(x => x.HiringSteps).HasMaxLength(MarketCardDetails.MaxSectionLength);
        e.Property(x => x.PayTransparency).HasMaxLength(MarketCardDetails.MaxSectionLength);
        e.Property(x => x.DataProtection).HasMaxLength(MarketCardDetails.MaxSectionLength);
        e.Property(x => x.Notes).HasMaxLength(MarketCardDetails.MaxSectionLength);
        e.Property(x => x.ChangedBy).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Version).IsConcurrencyToken();
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> Serialise<T>() => new(
        rows => JsonSerializer.Serialize(rows, Json),
        text => JsonSerializer.Deserialize<List<T>>(text, Json) ?? new List<T>());

    // Rows are records: equal values, equal rows, so editing a row in place is seen as a change.
    private static ValueComparer<List<T>> Compare<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        rows => rows.Aggregate(0, (hash, row) => HashCode.Combine(hash, row!.GetHashCode())),
        rows => rows.ToList());
}

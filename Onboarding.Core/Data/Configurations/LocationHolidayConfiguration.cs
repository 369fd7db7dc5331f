using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Locations;
using Onboarding.Core.Locations.Holidays;

namespace Onboarding.Core.Data.Configurations;

internal sealed class LocationHolidayConfiguration : IEntityTypeConfiguration<LocationHoliday>
{
    public void Configure(EntityTypeBuilder<LocationHoliday> e)
    {
        e.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        e.HasOne(x => x.Location).WithMany(l => l.Holidays).HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Cascade);
        // Two leaders adding the same day at once: the second is told, not given a duplicate.
        e.HasIndex(x => new { x.LocationId, x.Date }).IsUnique();
    }
}

internal sealed class HolidayChangeConfiguration : IEntityTypeConfiguration<HolidayChange>
{
    public void Configure(EntityTypeBuilder<HolidayChange> e)
    {
        e.Property(x => x.ActorName).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        e.Ignore(x => x.Description);
        e.HasOne<HiringLocation>().WithMany(l => l.HolidayChanges).HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.LocationId, x.At });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Locations;

namespace Onboarding.Core.Data.Configurations;

internal sealed class HiringLocationConfiguration : IEntityTypeConfiguration<HiringLocation>
{
    public void Configure(EntityTypeBuilder<HiringLocation> e)
    {
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.Region).HasMaxLength(TextLimits.Name);
        e.Property(x => x.City).HasMaxLength(TextLimits.Name);
        e.Property(x => x.TimeZone).HasMaxLength(TextLimits.TimeZone);
        e.Property(x => x.WorkingDays).HasConversion<int>();
        e.Property(x => x.Language).HasMaxLength(TextLimits.LanguageTag);
        e.HasOne(x => x.Engagement).WithMany(g => g.Locations).HasForeignKey(x => x.EngagementId);
        e.Ignore(x => x.DisplayName);
        // Removing a location someone is linked to is refused in the app with their names; the database
        // refuses it too, so no race unlinks them silently.
        e.HasMany(x => x.Members).WithMany(m => m.Locations).UsingEntity(
            "MemberLocation",
            l => l.HasOne(typeof(Onboarding.Core.Engagements.Member)).WithMany().HasForeignKey("MemberId").OnDelete(DeleteBehavior.Cascade),
            r => r.HasOne(typeof(HiringLocation)).WithMany().HasForeignKey("LocationId").OnDelete(DeleteBehavior.Restrict));
    }
}

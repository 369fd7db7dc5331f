using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.People;

namespace Onboarding.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Email).HasMaxLength(TextLimits.Email);
        e.Property(x => x.EmailKey).HasMaxLength(TextLimits.Email);
        e.Property(x => x.TimeZone).HasMaxLength(TextLimits.TimeZone);
        e.Property(x => x.WorkingDays).HasConversion<int>();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.ChangedBy).HasMaxLength(TextLimits.Name);
        e.HasIndex(x => x.EmailKey).IsUnique();
        e.HasIndex(x => x.UserId).IsUnique();
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

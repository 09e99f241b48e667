import type { SVGProps } from 'react';

// A few line icons, drawn inline (no icon font, no CDN). Decorative: hidden from screen readers.
// Icons that point a direction carry the class `mirror-in-rtl`, turned around for Arabic.
type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Icon({ size = 18, children, className, ...rest }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
      {...rest}
    >
      {children}
    </svg>
  );
}

export const ArrowForwardIcon = (props: IconProps) => (
  <Icon {...props} className="mirror-in-rtl">
    <path d="M5 12h14M13 6l6 6-6 6" />
  </Icon>
);
export const ArrowBackIcon = (props: IconProps) => (
  <Icon {...props} className="mirror-in-rtl">
    <path d="M19 12H5M11 6l-6 6 6 6" />
  </Icon>
);
export const ChevronForwardIcon = (props: IconProps) => (
  <Icon {...props} className="mirror-in-rtl">
    <path d="M9 6l6 6-6 6" />
  </Icon>
);
export const GlobeIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
  </Icon>
);
export const CalendarIcon = (props: IconProps) => (
  <Icon {...props}>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M16 3v4M8 3v4M3 10h18" />
  </Icon>
);
export const ClockIcon = (props: IconProps) => (
  <Icon {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Icon>
);
export const UploadIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M12 16V4M6 10l6-6 6 6M4 20h16" />
  </Icon>
);
export const DownloadIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M12 4v12M6 10l6 6 6-6M4 20h16" />
  </Icon>
);
export const CheckIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M5 12l5 5 9-10" />
  </Icon>
);
export const MapPinIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z" />
    <circle cx="12" cy="10" r="2.5" />
  </Icon>
);

import { Anchor, Box, Button, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canZoomIn,
  canZoomOut,
  type ImageView,
  imageLayout,
  initialView,
  rotate,
  zoomIn,
  zoomOut,
  zoomPercent,
} from './image-view.ts';
import { documentFileUrl } from './verification-queries.ts';
import type { StaffChecklistItem } from './verification-types.ts';

const VIEWER_HEIGHT = '72vh';

/**
 * One document as the citizen sent it, shown in the page: a PDF in the browser's own viewer (an
 * <iframe> of the file, served inline), an image that zooms and turns with the buttons (and the
 * page's keys). Every view of a file is audited by the server.
 */
export function DocumentViewer(props: {
  requestId: string;
  item: StaffChecklistItem;
  label: string;
  view: ImageView;
  onView(view: ImageView): void;
}) {
  const { requestId, item, label, view, onView } = props;
  const { t } = useTranslation();
  if (!item.documentId || !item.file) {
    return (
      <Box p="lg" bg="gray.0" style={{ border: '1px solid var(--mantine-color-gray-4)' }}>
        <Text>{t('staff.verification.viewer.missing')}</Text>
      </Box>
    );
  }
  const url = documentFileUrl(requestId, item.documentId);
  const isImage = item.file.contentType.startsWith('image/');
  return (
    <Box>
      <Group gap="xs" mb="xs" wrap="wrap">
        {isImage && (
          <>
            <Button
              variant="default"
              size="compact-md"
              onClick={() => onView(zoomOut(view))}
              disabled={!canZoomOut(view)}
            >
              {t('staff.verification.viewer.zoomOut')}
            </Button>
            <Button
              variant="default"
              size="compact-md"
              onClick={() => onView(zoomIn(view))}
              disabled={!canZoomIn(view)}
            >
              {t('staff.verification.viewer.zoomIn')}
            </Button>
            <Button variant="default" size="compact-md" onClick={() => onView(rotate(view))}>
              {t('staff.verification.viewer.rotate')}
            </Button>
            <Button variant="default" size="compact-md" onClick={() => onView(initialView)}>
              {t('staff.verification.viewer.reset')}
            </Button>
            <Text size="sm" aria-live="polite" data-testid="image-zoom">
              {t('staff.verification.viewer.zoomLevel', { percent: zoomPercent(view), degrees: view.rotation })}
            </Text>
          </>
        )}
        <Anchor href={url} target="_blank" rel="noopener" size="sm">
          {t('staff.verification.viewer.openTab')}
        </Anchor>
        <Anchor href={documentFileUrl(requestId, item.documentId, true)} size="sm">
          {t('staff.verification.viewer.download')}
        </Anchor>
      </Group>
      {isImage ? (
        <ImageStage
          url={url}
          alt={t('staff.verification.viewer.imageAlt', { document: label })}
          view={view}
          label={label}
        />
      ) : (
        <iframe
          key={url}
          src={url}
          title={t('staff.verification.viewer.pdfTitle', { document: label })}
          style={{ width: '100%', height: VIEWER_HEIGHT, border: '1px solid var(--mantine-color-gray-4)' }}
          data-testid="document-frame"
        />
      )}
    </Box>
  );
}

/** The image's scrolling stage: the size of the image as seen, so every part of it scrolls into view. */
function ImageStage(props: { url: string; alt: string; view: ImageView; label: string }) {
  const { t } = useTranslation();
  const { ref, width } = useElementSize<HTMLElement>();
  const [natural, setNatural] = useState({ width: 0, height: 0 });
  const layout = imageLayout(natural, width, props.view);
  return (
    <section
      ref={ref}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus, so a keyboard can scroll a zoomed image
      tabIndex={0}
      aria-label={t('staff.verification.viewer.imageRegion', { document: props.label })}
      style={{
        height: VIEWER_HEIGHT,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-gray-4)',
        background: 'var(--mantine-color-gray-1)',
      }}
    >
      <div
        style={{
          position: 'relative',
          width: layout ? layout.stage.width : '100%',
          height: layout ? layout.stage.height : '100%',
          margin: '0 auto',
        }}
      >
        <img
          src={props.url}
          alt={props.alt}
          data-testid="document-image"
          onLoad={(event) =>
            setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
          }
          style={{
            position: 'absolute',
            left: '50%',
            top: '50%',
            width: layout ? layout.image.width : 'auto',
            height: layout ? layout.image.height : 'auto',
            maxWidth: 'none',
            transform: `translate(-50%, -50%) rotate(${props.view.rotation}deg)`,
          }}
        />
      </div>
    </section>
  );
}

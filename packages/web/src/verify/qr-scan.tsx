// Scanning a QR: the camera with the browser's BarcodeDetector where it exists, else a photo decoded by jsQR.
import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Upload } from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { usePrefs } from '../app/i18n.tsx';

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

function detectorCtor(): DetectorCtor | undefined {
  return (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
}

/** Reads a QR from an image file (for browsers without BarcodeDetector, or a saved screenshot). */
export async function decodeQrImage(file: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(file);
  const Ctor = detectorCtor();
  if (Ctor) {
    const found = await new Ctor({ formats: ['qr_code'] }).detect(bitmap).catch(() => []);
    if (found[0]) return found[0].rawValue;
  }
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(img.data, img.width, img.height)?.data;
}

/** Camera scan (when available) and photo upload; calls `onText` with the QR's content. */
export function QrScanner(props: { onText(text: string): void }) {
  const { t } = usePrefs();
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string>();
  const video = useRef<HTMLVideoElement>(null);
  const canScanLive = !!detectorCtor() && !!navigator.mediaDevices?.getUserMedia;

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | undefined;
    let stop = false;
    const Ctor = detectorCtor()!;
    const detector = new Ctor({ formats: ['qr_code'] });
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stop) {
          const found = await detector.detect(video.current).catch(() => []);
          if (found[0]) {
            props.onText(found[0].rawValue);
            break;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        setProblem(
          t(
            '无法打开摄像头，请改为上传二维码照片。',
            'The camera cannot be opened; upload a photo of the QR instead.',
          ),
        );
      } finally {
        for (const track of stream?.getTracks() ?? []) track.stop();
        setScanning(false);
      }
    })();
    return () => {
      stop = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning, props, t]);

  return (
    <div>
      <Space wrap>
        {canScanLive ? (
          <Button size="large" icon={<CameraOutlined />} onClick={() => setScanning((s) => !s)}>
            {scanning ? t('停止扫码', 'Stop scanning') : t('用摄像头扫码', 'Scan with the camera')}
          </Button>
        ) : null}
        <Upload
          accept="image/*"
          showUploadList={false}
          beforeUpload={(file) => {
            setProblem(undefined);
            decodeQrImage(file).then(
              (text) =>
                text
                  ? props.onText(text)
                  : setProblem(
                      t(
                        '照片中没有找到二维码，请拍清楚后重试。',
                        'No QR code was found in the photo; try a clearer one.',
                      ),
                    ),
              () => setProblem(t('无法读取这张图片。', 'This image cannot be read.')),
            );
            return false;
          }}
        >
          <Button size="large" icon={<PictureOutlined />}>
            {t('上传二维码照片', 'Upload a photo of the QR')}
          </Button>
        </Upload>
      </Space>
      {scanning ? (
        <video
          ref={video}
          className="cc-scan-video"
          playsInline
          muted
          aria-label={t('摄像头画面', 'Camera view')}
        />
      ) : null}
      {problem ? <Alert type="warning" showIcon title={problem} style={{ marginTop: 12 }} /> : null}
    </div>
  );
}

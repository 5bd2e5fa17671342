"""The PyTorch side of `make bench`: the same workloads as bench/MIForge.Bench, on Debian's
python3-torch 1.13. Usage: pytorch_bench.py THREADS, then requests on stdin.
Gradients are zeroed in place (set_to_none=False, 1.13's default), as TorchSharp's zero_grad does."""
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import torch
from torch import nn
import torch.nn.functional as F


def mnist_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(64 * 12 * 12, 128), nn.ReLU(), nn.Linear(128, 10))


def generator():
    return nn.Sequential(
        nn.ConvTranspose2d(100, 256, 4, 1, 0, bias=False), nn.BatchNorm2d(256), nn.ReLU(),
        nn.ConvTranspose2d(256, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1, bias=False), nn.Tanh())


def critic():
    return nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1), nn.InstanceNorm2d(128, affine=True), nn.LeakyReLU(0.2),
        nn.Conv2d(128, 256, 4, 2, 1), nn.InstanceNorm2d(256, affine=True), nn.LeakyReLU(0.2),
        nn.Conv2d(256, 1, 4, 1, 0), nn.Flatten(0))


def wgan_gp_step(g, d, opt_g, opt_d, real):
    n = real.shape[0]
    with torch.no_grad():
        fake = g(torch.randn(n, 100, 1, 1))
    opt_d.zero_grad(set_to_none=False)
    alpha = torch.rand(n, 1, 1, 1)
    mix = (real * alpha + fake * (1 - alpha)).requires_grad_()
    grad = torch.autograd.grad(d(mix).sum(), mix, create_graph=True)[0]
    gp = (grad.flatten(1).norm(2, dim=1) - 1).pow(2).mean()
    loss_d = d(fake).mean() - d(real).mean() + 10 * gp
    loss_d.backward()
    opt_d.step()
    opt_g.zero_grad(set_to_none=False)
    loss_g = -d(g(torch.randn(n, 100, 1, 1))).mean()
    loss_g.backward()
    opt_g.step()


JPEG_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "artifacts", "bench-jpeg")


def write_jpegs(folder, count=256):
    """CelebA-shaped test files: 178x218 RGB JPEGs (quality 95) with smooth and textured regions."""
    import numpy as np
    from PIL import Image
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:218, 0:178]
    for i in range(count):
        img = np.stack([(x + 3 * i) % 256, (y * 255 // 217), ((x + y + i) % 64) * 4], -1).astype(np.uint8)
        img[50:170, 35:145] = (rng.integers(0, 90, (120, 110, 3)) + np.array([150, 110, 90])).astype(np.uint8)
        Image.fromarray(img, "RGB").save(os.path.join(folder, f"{i:06d}.jpg"), quality=95)


def gmi_crop_resize(path):
    """GMI's CelebA preprocessing on one file: decode, centre crop 108x108, bilinear resize to 64x64, as bytes."""
    from PIL import Image
    with Image.open(path) as img:
        rgb = img.convert("RGB")
    w, h = rgb.size
    top, left = (h - 108) // 2, (w - 108) // 2
    return rgb.crop((left, top, left + 108, top + 108)).resize((64, 64), Image.BILINEAR).tobytes()


class Workloads:
    """Each workload built once; run(name, steps) times `steps` repetitions and returns seconds."""

    def __init__(self):
        self.built = {}

    def build(self, name):
        torch.manual_seed(0)
        if name == "op":
            a, b = torch.ones(1), torch.ones(1)

            def run(steps):
                for _ in range(steps):
                    a.add(b)
        elif name == "cnn":
            net = mnist_cnn()
            opt = torch.optim.Adam(net.parameters(), lr=1e-3)
            x, y = torch.randn(64, 1, 28, 28), torch.randint(0, 10, (64,))

            def run(steps):
                for _ in range(steps):
                    opt.zero_grad(set_to_none=False)
                    F.cross_entropy(net(x), y).backward()
                    opt.step()
        elif name == "wgan":
            g, d = generator(), critic()
            opt_g = torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999))
            opt_d = torch.optim.Adam(d.parameters(), 2e-4, betas=(0.5, 0.999))
            real = torch.rand(64, 1, 32, 32) * 2 - 1

            def run(steps):
                for _ in range(steps):
                    wgan_gp_step(g, d, opt_g, opt_d, real)
        elif name == "jpeg":
            files = sorted(os.path.join(JPEG_DIR, f) for f in os.listdir(JPEG_DIR) if f.endswith(".jpg"))
            pool = ThreadPoolExecutor(torch.get_num_threads())

            def run(steps):
                for _ in range(steps):
                    for _ in pool.map(gmi_crop_resize, files):
                        pass
        else:
            raise SystemExit(f"unknown workload {name}")
        return run

    def run(self, name, steps):
        if name not in self.built:
            self.built[name] = self.build(name)
        t0 = time.perf_counter()
        self.built[name](steps)
        return time.perf_counter() - t0


def main():
    """`--write-jpegs` writes the JPEG workload's files and exits; otherwise serves timing requests on stdin ("WORKLOAD STEPS" per line), one JSON answer per line, so
    the C# bench can interleave its own rounds with PyTorch's and cancel machine drift."""
    if len(sys.argv) > 1 and sys.argv[1] == "--write-jpegs":
        write_jpegs(JPEG_DIR)
        return
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else torch.get_num_threads())
    workloads = Workloads()
    print(json.dumps({"threads": torch.get_num_threads(), "torch": torch.__version__}), flush=True)
    for line in sys.stdin:
        name, steps = line.split()
        print(json.dumps({"seconds": workloads.run(name, int(steps))}), flush=True)


if __name__ == "__main__":
    main()

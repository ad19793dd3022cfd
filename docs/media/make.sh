#!/bin/sh
# Makes bloom.webm, the custom clip shown in the README's "Alert rules" picture: 3 s, 320x320,
# 30 fps, VP9 with an alpha channel, drawn from a formula (a turning five-petal bloom in a gold to
# pink glow, with a pulsing halo; no outside footage). Needs ffmpeg (Debian: apt-get install ffmpeg)
# only to remake it. Giftglow's own work, under the project's MIT licence: use it in your rules.
set -eu
cd "$(dirname "$0")"
R='hypot(X-160,Y-160)'
A='atan2(Y-160,X-160)'
STAR="(78*(0.6+0.4*cos(5*($A-T*2*PI/3))))"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=black:s=320x320:r=30:d=3,format=rgba" \
  -vf "geq=r='255':g='clip(215-$R*1.1,60,215)':b='clip(40+$R*1.4,40,200)':a='if(lt($R,$STAR),255,clip(200*exp(-pow(($R-(110+12*sin(2*PI*T)))/10,2))+150*exp(-($R-$STAR)/14),0,255))',format=yuva420p" \
  -c:v libvpx-vp9 -pix_fmt yuva420p -b:v 400k -auto-alt-ref 0 -an bloom.webm
ls -l bloom.webm

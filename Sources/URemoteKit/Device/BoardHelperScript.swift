/// The Python functions uremote defines on the board, all named `_ur_*` so they stay out of the
/// user's way in the board's globals.
///
/// They are sent once per board session (the version check in `BoardFileSystem` finds them on
/// later runs, since uremote never soft-resets implicitly), so each filesystem command costs one
/// short call instead of re-sending code. Keep them terse: a small board compiles this text into
/// its heap. Output formats are line-based with `/` separators, which cannot occur in names.
enum BoardHelperScript {
    /// Bumped whenever the functions change, so a board holding an older copy gets the new one.
    static let version = 4

    static let source: String = #"""
import os,sys
_ur_V=\#(version)
def _ur_init(off):
 global _ur_IL,_ur_KB,_ur_DF,_ur_HL,_ur_B64
 _ur_IL=hasattr(os,'ilistdir') and 'l' not in off
 _ur_KB=hasattr(sys.stdin,'buffer') and hasattr(sys.stdout,'buffer') and 'k' not in off
 _ur_DF=0
 try:
  import deflate
  _ur_DF=hasattr(deflate,'DeflateIO') and 'z' not in off
 except ImportError:pass
 _ur_HL=[]
 try:
  import hashlib
  if 'h' not in off:_ur_HL=[a for a in ('sha256','sha1','md5') if hasattr(hashlib,a)]
 except ImportError:pass
 _ur_B64=1
 try:import binascii
 except ImportError:_ur_B64=0
 import gc
 gc.collect()
 try:m=gc.mem_free()
 except:m=-1
 try:u=int('simulator' in os.uname()[4])
 except:u=0
 print('caps',int(_ur_IL),int(_ur_KB),int(_ur_DF),','.join(_ur_HL) or '-',m,int(hasattr(os,'statvfs')),_ur_B64,sys.implementation.name,sys.platform,u)
def _ur_j(a,b):
 return b if not a else (a+b if a[-1]=='/' else a+'/'+b)
def _ur_ent(p,ex):
 if _ur_IL:
  for e in os.ilistdir(p):
   s=e[3] if len(e)>3 else 0
   if ex and not s and e[1]!=0x4000:
    s=os.stat(_ur_j(p,e[0]))[6]
   yield e[0],e[1],s
 else:
  for n in os.listdir(p):
   s=os.stat(_ur_j(p,n))
   yield n,s[0]&0xf000,s[6]
def _ur_ls(p,ex):
 for n,m,s in _ur_ent(p,ex):print('%d/%d/%s'%(m,s,n))
def _ur_tree(p,ex,d=0):
 for n,m,s in _ur_ent(p,ex):
  print('%d/%d/%d/%s'%(d,m,s,n))
  if m&0x4000:_ur_tree(_ur_j(p,n),ex,d+1)
def _ur_err(e):
 return e.errno if isinstance(e,OSError) and isinstance(e.errno,int) else -1
def _ur_st(p):
 try:
  s=os.stat(p)
  print('%d/%d'%(s[0],s[6]))
 except OSError as e:print('E%d'%_ur_err(e))
def _ur_hash(p,a):
 import hashlib
 h=getattr(hashlib,a)()
 b=bytearray(1024)
 with open(p,'rb') as f:
  while 1:
   n=f.readinto(b)
   if not n:break
   h.update(b if n==1024 else b[:n])
 return h.digest()
def _ur_hex(d):
 return ''.join('%02x'%x for x in d)
def _ur_pj(a,b):
 return (a or './').rstrip('/')+'/'+b.strip('/')
def _ur_cp(D,N,ds,fs,a,r):
 try:
  m=os.stat(D)[0] if D else 0x4000
  R=_ur_pj(D,N) if (r or m&0x4000) else D
 except OSError:
  m=-1;R=D
 print('R%d/%s'%(m,R))
 if r:ds=[R]+[_ur_pj(R,d) for d in ds]
 _ur_plan(ds,[(_ur_pj(R,p) if p else R,z) for p,z in fs],a)
def _ur_plan(ds,fs,a):
 for d in ds:
  try:os.mkdir(d)
  except OSError as e:
   if _ur_err(e)!=17:print('D%d/%s'%(_ur_err(e),d))
 for p,z in fs:
  try:os.remove(p+'.uremote-tmp')
  except OSError:pass
  try:
   s=os.stat(p)
   h=''
   if s[6]==z and a in _ur_HL and not s[0]&0x4000:h=_ur_hex(_ur_hash(p,a))
   print('%d/%d/%s'%(s[0],s[6],h))
  except OSError as e:print('E%d'%_ur_err(e))
def _ur_rm(p,r,v):
 m=os.stat(p)[0]
 if m&0x4000 and r:
  for n,t,s in list(_ur_ent(p,0)):
   if _ur_rm(_ur_j(p or './',n),r,v):return 1
  if p:
   try:
    os.rmdir(p)
    if v:print("removed directory: '%s'"%p)
   except OSError as e:
    if _ur_err(e)!=22:
     print('!%d/%s'%(_ur_err(e),p));return 1
    if v:print("skipped: '%s' (vfs mountpoint)"%p)
 else:
  os.remove(p)
  if v:print("removed: '%s'"%p)
def _ur_df():
 r=[]
 try:
  import vfs
  r=vfs.mount()
 except:
  for m in ['']+os.listdir('/'):
   m='/'+m
   if os.stat(m)[0]&0x4000:r.append(('<unknown>',m))
 for v,p in r:
  s=os.statvfs(p)
  print('%s\t%s\t%d\t%d\t%d'%(p,v,s[0],s[2],s[3]))
def _ur_clean(ps):
 for p in ps:
  try:os.remove(p)
  except OSError:pass
def _ur_o(s):
 sys.stdout.buffer.write(s.encode()) if _ur_KB else sys.stdout.write(s)
def _ur_rd(n,tm):
 global _ur_CC
 v=_ur_BV
 i=0
 while i<n:
  if not _ur_P.poll(tm):raise OSError(110)
  k=min(n-i,_ur_CR or 512)
  if _ur_KB:k=sys.stdin.buffer.readinto(v[i:i+k])
  else:
   t=sys.stdin.read(k)
   k=len(t)
   v[i:i+k]=t.encode()
  if not k:raise OSError(5)
  i+=k
  if _ur_CR:
   _ur_CC+=k
   while _ur_CC>=_ur_CR:
    _ur_CC-=_ur_CR;_ur_o('\x01')
 return v[:n]
def _ur_ue(n):
 b=_ur_BF;v=_ur_BV
 i=b.find(b'\x10',0,n)
 if i<0:return v[:n]
 o=bytearray(v[:i]);j=i
 while i>=0:
  o+=v[j:i]
  o.append(b[i+1]^64)
  j=i+2
  i=b.find(b'\x10',j,n)
 o+=v[j:n]
 return o
def _ur_rx(w,tm,z,cr=0):
 import select,binascii
 global _ur_P,_ur_BV,_ur_BF,_ur_CR,_ur_CC
 _ur_CR=cr;_ur_CC=0
 _ur_P=select.poll()
 _ur_P.register(sys.stdin,select.POLLIN)
 _ur_BF=bytearray(w)
 _ur_BV=memoryview(_ur_BF)
 f=None;t=None;d=None;h=None;c=0;er=None;P=None
 try:
  _ur_o('\x06')
  while 1:
   hd=bytes(_ur_rd(7,tm))
   k=hd[0];n=int(hd[1:],16)
   q=_ur_rd(n,tm)
   if _ur_KB:q=_ur_ue(n)
   if k==81:break
   if k==77:
    _ur_CR=int(bytes(q));_ur_o('\x06')
    continue
   if k==79:
    d=str(bytes(q),'utf-8');t=d+'.uremote-tmp';c=0;er=None;h=None;P=None
    try:
     if _ur_HL:
      import hashlib
      h=hashlib.sha256()
     try:os.stat(d)
     except OSError:
      open(d,'wb').close();P=d
     f=open(t,'wb')
     _ur_o('\x06')
    except OSError as e:
     if P:_ur_clean([P])
     f=None;P=None;er='E%d'%_ur_err(e);_ur_o('\x15'+er+'\n')
    continue
   if k==65:
    if f:f.close()
    f=None
    if t:_ur_clean([t]+([P] if P else []))
    t=None;P=None
    _ur_o('\x06')
    continue
   if er:
    _ur_o('\x15'+er+'\n')
    continue
   try:
    if k==66:q=binascii.a2b_base64(q)
    elif k==90:
     import deflate,io
     q=deflate.DeflateIO(io.BytesIO(bytes(q)),deflate.RAW,z).read()
    if k!=67:
     f.write(q);c+=len(q)
     if h:h.update(q)
     _ur_o('\x06')
     continue
    f.close();f=None
    s,x=str(bytes(q),'utf-8').split('/')
    if int(s)!=c:raise ValueError('size %d'%c)
    if h:
     if _ur_hex(h.digest())!=x:raise ValueError('hash')
    else:
     _ur_o('\x06')
     _ur_tx1(t,w)
     if bytes(_ur_rd(7,tm))[0]!=82:raise ValueError('not confirmed')
    os.rename(t,d)
    t=None;P=None
    _ur_o('\x06')
   except Exception as e:
    if f:f.close()
    f=None
    if t:_ur_clean([t]+([P] if P else []))
    t=None;P=None
    er='E%d'%_ur_err(e) if isinstance(e,OSError) else 'V'+str(e)
    _ur_o('\x15'+er+'\n')
 finally:
  if f:f.close()
  if t:_ur_clean([t]+([P] if P else []))
  _ur_BV=_ur_BF=None
def _ur_tx1(p,w):
 import binascii
 b=bytearray(w)
 f=open(p,'rb')
 h=None
 if _ur_HL:
  import hashlib
  h=hashlib.sha256()
 c=0
 try:
  while 1:
   n=f.readinto(b)
   if not n:break
   m=memoryview(b)[:n]
   c+=n
   if h:h.update(m)
   if _ur_KB:
    sys.stdout.buffer.write(('D%06x'%n).encode())
    sys.stdout.buffer.write(m)
   else:
    e=binascii.b2a_base64(m)[:-1]
    sys.stdout.write('B%06x'%len(e));sys.stdout.write(e.decode())
 finally:f.close()
 x='%d/%s'%(c,_ur_hex(h.digest()) if h else '')
 _ur_o('C%06x'%len(x)+x)
def _ur_tx(ps,w):
 for p in ps:
  try:_ur_tx1(p,w)
  except OSError as e:_ur_o('E%06x'%max(0,_ur_err(e)))
"""#
}
